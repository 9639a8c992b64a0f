/**
 * The gate's policy evaluated by casbin 5.51.1 (enforceSync), for the differential test and the
 * benchmark. The model (request, policy, role definitions, effect, matcher) and the policy rows are
 * generated from the rules catalogue and the gate's fixed tables (tables.ts):
 *
 * - p rows `p, <path>, <who>, <action>`: the ways in and the actions each allows — oversight (FG,
 *   data subject), each system context's scope, residents (read/list), and each involvement role
 *   (all actions when the catalogue's role profile may write, else read/list);
 * - g  (category → 'category', 'kind:<special|criminal|bsn|ordinary>')
 * - g2 (task → 'task', 'special:<category>' for each basis, 'criminal', 'bsn')
 * - g3 (role → 'hides:<category>', from the role profiles incl. identifying categories)
 * - g4 (level → 'level', 'upto:<max>' for every maximum at or above it)
 * - g5 (source → 'source', 'restricted', 'for:<law>', 'consent-in:<law>')
 * - g6 (`<from>><to>` → 'allowed', 'needs-explicit', 'needs-no-objection', 'vital-override')
 * - g7 (action → 'write'; help-request status → 'closed')
 * - g8 (law → 'law': the laws the catalogue knows)
 * The matcher holds the gate's generic logic (purpose, involvement, need-to-know, DAT-only, secrecy,
 * the order-free conjunction of every check); the law that governs a datum is generated from the
 * sources table (a source with its own law, e.g. SUWI, else the law it was collected for).
 *
 * What the harness pre-computes (the same as for Cedar, see cedar.ts):
 * 1. The request values, copied from the facts: r.sub (actor kind, id, staff roles, system context),
 *    r.act, r.obj (the GateItem as is), r.env: the purpose, the decision time in epoch ms, the
 *    resident's household memberships, one involvement (times in epoch ms) with its sub-activity
 *    joined in by id (null when unknown).
 * 2. One enforceSync per involvement in the context (decide()'s "first involvement that permits
 *    wins"), or one without an involvement; permit when any call permits.
 * 3. The consent and involuntary-record look-ups of lookups.ts (r.env.lookups).
 * 4. The purpose's law: the law of its task in the catalogue (r.env.purpose.law).
 * Involvement periods are compared in the matcher itself.
 */
import { newEnforcer, newModelFromString, StringAdapter, type Enforcer } from 'casbin';
import type { Catalogue } from '../../src/core/policy/catalogue.ts';
import type { Action, GateContext, GateItem } from '../../src/core/policy/decide.ts';
import { CONFIDENTIALITY_LEVELS } from '../../src/core/domain/confidentiality.ts';
import { lookupsFor } from './lookups.ts';
import {
  ACTIONS,
  CLOSED_PURPOSE_STATUSES,
  ENDED_SUB_ACTIVITY_STATUSES,
  OVERSIGHT_ROLE,
  PROVIDER_ROLE,
  RESIDENT_ACTIONS,
  SYSTEM_SCOPE,
  WRITE_ACTIONS,
} from './tables.ts';

const q = (s: string): string => JSON.stringify(s);

/** The casbin model text: request/policy/role definitions, effect and the generated matcher. */
export function casbinModel(catalogue: Catalogue): string {
  const inv = 'r.env.inv';
  const pur = 'r.env.purpose';
  const sub = 'r.env.sub';
  const L = 'r.env.lookups';
  // The law that governs the datum: a source's own law (e.g. SUWI), else the law it was collected for.
  let sourceLaw = 'r.obj.collectedForLaw';
  for (const s of [...catalogue.sources].reverse()) {
    if (s.law) sourceLaw = `(r.obj.source == ${q(s.code)} ? ${q(s.law)} : ${sourceLaw})`;
  }
  const flowKey = `${sourceLaw} + ">" + ${pur}.law`;
  const explicitFor = `(${L}.explicit.includes("*") || ${L}.explicit.includes(${sourceLaw}))`;
  const noObjectionFor = `(${L}.noObjection.includes("*") || ${L}.noObjection.includes(${sourceLaw}))`;
  const ended = ENDED_SUB_ACTIVITY_STATUSES.map((s) => `${sub}.status != ${q(s)}`).join(' && ');

  const who = `(r.obj.type == "access_metadata" ? (r.sub.kind == "professional" && r.sub.roles.includes(${q(OVERSIGHT_ROLE)}) ? "oversight:officer" : (r.sub.kind == "resident" && r.obj.residentId == r.sub.id ? "oversight:data-subject" : "none")) : (r.sub.kind == "system" ? "system:" + r.sub.context : (r.sub.kind == "resident" ? "resident" : (r.sub.kind == "professional" && ${inv} != null ? "role:" + ${inv}.role : "none"))))`;
  const known = `g(r.obj.category, "category") && g4(r.obj.confidentiality, "level") && (r.obj.source == null || g5(r.obj.source, "source")) && (r.obj.collectedForLaw == null || g8(r.obj.collectedForLaw, "law"))`;
  const resident = `(r.obj.residentId == r.sub.id || (r.obj.residentId == null && r.env.memberOf.includes(r.obj.householdId)))`;
  const provider = [
    `${sub} != null && ${ended}`,
    `((r.obj.type == "sub_activity" && r.obj.id == ${sub}.id) || (r.obj.type == "plan_goal" && ${sub}.lifeDomain != null && r.obj.lifeDomain == ${sub}.lifeDomain) || ${sub}.dataCategories.includes(r.obj.category))`,
    `(r.obj.subActivityId == null || r.obj.subActivityId == ${sub}.id)`,
    `(r.obj.type != "plan_goal" || r.obj.lifeDomain == ${sub}.lifeDomain)`,
    `(r.obj.residentId == null || r.obj.residentId == ${sub}.residentId)`,
  ].join(' && ');
  const professional = [
    // purpose-specified, purpose-household, purpose-open, known task
    `${pur} != null && ${pur}.householdId == r.obj.householdId`,
    `(!g7(r.act, "write") || !g7(${pur}.status, "closed"))`,
    `g2(${pur}.taskCode, "task")`,
    // involvement-required: the actor's, this household, current, covering the purpose
    `${inv}.professionalId == r.sub.id && ${inv}.householdId == r.obj.householdId`,
    `${inv}.validFrom <= r.env.at && (${inv}.validUntil == null || r.env.at < ${inv}.validUntil)`,
    `(${inv}.subActivityId != null ? (${sub} != null && ${sub}.helpRequestId == ${pur}.id) : (${inv}.helpRequestId == null || ${inv}.helpRequestId == ${pur}.id))`,
    // role profile
    `!g3(${inv}.role, "hides:" + r.obj.category)`,
    // need-to-know of a chain partner (R2.2); DAT-only for everyone else (R2.3)
    `(${inv}.role == ${q(PROVIDER_ROLE)} ? (${provider}) : r.obj.subActivityId == null)`,
    // confidentiality maximum
    `g4(r.obj.confidentiality, "upto:" + ${inv}.maxConfidentiality)`,
    // special categories, criminal data, BSN
    `(!g(r.obj.category, "kind:special") || g2(${pur}.taskCode, "special:" + r.obj.category))`,
    `(!g(r.obj.category, "kind:criminal") || g2(${pur}.taskCode, "criminal"))`,
    `(!g(r.obj.category, "kind:bsn") || g2(${pur}.taskCode, "bsn"))`,
    // source scope and sources that need explicit consent
    `(r.obj.source == null || ((!g5(r.obj.source, "restricted") || g5(r.obj.source, "for:" + ${pur}.law)) && (!g5(r.obj.source, "consent-in:" + ${pur}.law) || ${L}.explicit.length > 0)))`,
    // sector-law reciprocity
    `(${sourceLaw} == null || ${sourceLaw} == ${pur}.law || (g6(${flowKey}, "allowed") && (((!g6(${flowKey}, "needs-explicit") || ${explicitFor}) && (!g6(${flowKey}, "needs-no-objection") || ${noObjectionFor})) || (g6(${flowKey}, "vital-override") && ${L}.involuntary.includes("approved")))))`,
    // derived secrecy
    `(r.obj.secrecyOrigin == null || ${inv}.role != ${q(PROVIDER_ROLE)} || r.obj.recordedByOrganisationId == ${sub}.organisationId || ${L}.explicit.length > 0 || ${L}.ordinary.length > 0)`,
  ].join(' && ');
  const matcher = `p.who == ${who} && p.act == r.act && ${known} && (p.path == "oversight" || p.path == "system" || (p.path == "resident" && ${resident}) || (p.path == "professional" && ${inv} != null && ${professional}))`;
  return `[request_definition]
r = sub, act, obj, env

[policy_definition]
p = path, who, act

[role_definition]
g = _, _
g2 = _, _
g3 = _, _
g4 = _, _
g5 = _, _
g6 = _, _
g7 = _, _
g8 = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = ${matcher}
`;
}

/** The policy rows, generated from the catalogue and the gate's tables. */
export function casbinRows(catalogue: Catalogue): string[][] {
  const rows: string[][] = [];
  const p = (...v: string[]) => rows.push(['p', ...v]);
  const g = (name: string, a: string, b: string) => rows.push([name, a, b]);
  p('oversight', 'oversight:officer', 'read');
  p('oversight', 'oversight:data-subject', 'read');
  for (const [context, scope] of Object.entries(SYSTEM_SCOPE)) for (const a of scope) p('system', `system:${context}`, a);
  for (const a of RESIDENT_ACTIONS) p('resident', 'resident', a);
  for (const role of catalogue.roles) for (const a of ACTIONS) if (role.mayWrite || !WRITE_ACTIONS.includes(a)) p('professional', `role:${role.role}`, a);

  const identifying = catalogue.categories.filter((c) => c.identifying).map((c) => c.code);
  for (const c of catalogue.categories) {
    g('g', c.code, 'category');
    g('g', c.code, `kind:${c.kind}`);
  }
  for (const t of catalogue.tasks) {
    g('g2', t.code, 'task');
    for (const s of t.specialCategories) g('g2', t.code, `special:${s.category}`);
    if (t.criminalRule) g('g2', t.code, 'criminal');
    if (t.bsnRule) g('g2', t.code, 'bsn');
  }
  for (const r of catalogue.roles) {
    const hidden = new Set(r.hiddenCategories);
    if (r.hideIdentifying) for (const c of identifying) hidden.add(c);
    for (const c of hidden) g('g3', r.role, `hides:${c}`);
  }
  CONFIDENTIALITY_LEVELS.forEach((level, i) => {
    g('g4', level, 'level');
    for (const max of CONFIDENTIALITY_LEVELS.slice(i)) g('g4', level, `upto:${max}`);
  });
  for (const s of catalogue.sources) {
    g('g5', s.code, 'source');
    if (s.onlyForLaws) {
      g('g5', s.code, 'restricted');
      for (const l of s.onlyForLaws) g('g5', s.code, `for:${l}`);
    }
    for (const need of s.explicitConsentFor ?? []) for (const l of need.laws) g('g5', s.code, `consent-in:${l}`);
  }
  for (const f of catalogue.flows) {
    const key = `${f.from}>${f.to}`;
    if (f.condition === 'never') continue;
    g('g6', key, 'allowed');
    if (f.condition === 'explicit_consent' || f.condition === 'explicit_consent_and_written_no_objection') g('g6', key, 'needs-explicit');
    if (f.condition === 'written_no_objection' || f.condition === 'explicit_consent_and_written_no_objection') g('g6', key, 'needs-no-objection');
    if (f.vitalInterestOverride) g('g6', key, 'vital-override');
  }
  for (const a of WRITE_ACTIONS) g('g7', a, 'write');
  for (const s of CLOSED_PURPOSE_STATUSES) g('g7', s, 'closed');
  for (const l of catalogue.laws) g('g8', l.code, 'law');
  return rows;
}

export class CasbinGate {
  /** Number of enforceSync calls made (decisions need one per involvement). */
  calls = 0;
  private constructor(
    private readonly enforcer: Enforcer,
    private readonly taskLaw: Map<string, string>,
  ) {}

  static async create(catalogue: Catalogue): Promise<CasbinGate> {
    const csv = casbinRows(catalogue)
      .map((r) => r.join(', '))
      .join('\n');
    const enforcer = await newEnforcer(newModelFromString(casbinModel(catalogue)), new StringAdapter(csv));
    return new CasbinGate(enforcer, new Map(catalogue.tasks.map((t) => [t.code, t.law])));
  }

  decide(ctx: GateContext, action: Action, item: GateItem): boolean {
    const actor = ctx.actor;
    const sub =
      actor === null
        ? { kind: 'none' }
        : actor.kind === 'system'
          ? { kind: 'system', context: actor.context }
          : actor.kind === 'resident'
            ? { kind: 'resident', id: actor.id }
            : { kind: 'professional', id: actor.id, roles: actor.roles };
    // The purpose's law is the law of its task in the catalogue (a look-up, not a judgement).
    const law = ctx.purpose ? (this.taskLaw.get(ctx.purpose.taskCode) ?? '') : undefined;
    const env: Record<string, unknown> = {
      purpose: ctx.purpose ? { ...ctx.purpose, law } : null,
      at: ctx.at.getTime(),
      memberOf: [...(ctx.memberOf ?? [])],
      lookups: lookupsFor(ctx, item, law),
      inv: null,
      sub: null,
    };
    if (actor?.kind !== 'professional' || ctx.involvements.length === 0) {
      this.calls++;
      return this.enforcer.enforceSync(sub, action, item, env);
    }
    for (const inv of ctx.involvements) {
      env.inv = { ...inv, validFrom: inv.validFrom.getTime(), validUntil: inv.validUntil === null ? null : inv.validUntil.getTime() };
      env.sub = inv.subActivityId === null ? null : (ctx.subActivities.get(inv.subActivityId) ?? null);
      this.calls++;
      if (this.enforcer.enforceSync(sub, action, item, env)) return true;
    }
    return false;
  }
}
