/**
 * Generates the Cedar encoding of the gate's policy from the rules catalogue (and the gate's fixed
 * tables in tables.ts): bench/gate/policy.cedar (policies) and bench/gate/policy.cedarschema
 * (schema). Both files are committed; the differential test fails when they drift from the
 * catalogue. Regenerate with:
 *
 *   node --import tsx bench/gate/cedar-policy.ts --write
 *
 * Shape: deny by default; one `permit` per way in (oversight, system context, resident's own data,
 * a professional's current involvement that covers the purpose), and one `forbid` per catalogue rule
 * that narrows a professional's access, with the rule id as its @id, so that Cedar's determining
 * policies name the same rules as decide(). A rule with several cases (one per task, flow, level …)
 * is one forbid whose cases are or-ed: Cedar's cost per call grows with the number of policies. The tables the rules read — known categories, levels, sources,
 * tasks; which categories are special/criminal/BSN and which tasks have a basis for them; role
 * profiles; source scopes and consent needs; sector-law flows and their conditions — are written
 * into the policy text as literals, generated from the catalogue.
 *
 * What the harness pre-computes is listed at the top of cedar.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../../src/core/policy/catalogue.ts';
import { CONFIDENTIALITY_LEVELS } from '../../src/core/domain/confidentiality.ts';
import {
  CLOSED_PURPOSE_STATUSES,
  ENDED_SUB_ACTIVITY_STATUSES,
  OVERSIGHT_ROLE,
  PROVIDER_ROLE,
  RESIDENT_ACTIONS,
  SYSTEM_SCOPE,
  WRITE_ACTIONS,
} from './tables.ts';

export interface CedarPolicy {
  id: string;
  /** Policy text without the @id annotation. */
  text: string;
}

const str = (s: string): string => JSON.stringify(s);
const set = (items: readonly string[]): string => `[${items.map(str).join(', ')}]`;
const actions = (as: readonly string[]): string => `[${as.map((a) => `Action::${str(a)}`).join(', ')}]`;

const INV = 'context.involvement';
const PUR = 'context.purpose';
const SUB = 'context.involvement.subActivity';
/** Guard shared by a professional's permit and every forbid that narrows it. */
const PROF = `resource.kind != "access_metadata" && context has purpose && context has involvement`;

/** One narrowing condition of a professional's access; conditions of the same rule become one forbid. */
interface Narrowing {
  rule: string;
  comment: string;
  condition: string;
}

function forbidProfessional(rule: string, comment: string, condition: string): Narrowing {
  return { rule, comment, condition };
}

/** One forbid per catalogue rule id, its conditions or-ed (Cedar's cost grows with the number of policies). */
function forbids(narrowings: readonly Narrowing[]): CedarPolicy[] {
  const byRule = new Map<string, Narrowing[]>();
  for (const n of narrowings) byRule.set(n.rule, [...(byRule.get(n.rule) ?? []), n]);
  return [...byRule].map(([rule, ns]) => ({
    id: rule,
    text: `${ns.map((n) => `// ${n.comment}`).join('\n')}
forbid (principal is Professional, action, resource is Item)
when {
  ${PROF} &&
  (${ns.map((n) => `(${n.condition})`).join(' ||\n   ')})
};`,
  }));
}

/** The purpose's law, derived in the policy from its task (the catalogue's task → law table). */
function targetLawExpr(catalogue: Catalogue): string {
  let expr = '""';
  for (const t of [...catalogue.tasks].reverse()) expr = `(if ${PUR}.task == ${str(t.code)} then ${str(t.law)} else ${expr})`;
  return expr;
}

export function cedarPolicies(catalogue: Catalogue): CedarPolicy[] {
  const TARGET_LAW = targetLawExpr(catalogue);
  const out: CedarPolicy[] = [];
  const narrow: Narrowing[] = [];
  const levels = [...CONFIDENTIALITY_LEVELS] as string[];
  const categories = catalogue.categories.map((c) => c.code);
  const kindOf = (kind: string) => catalogue.categories.filter((c) => c.kind === kind).map((c) => c.code);
  const identifying = catalogue.categories.filter((c) => c.identifying).map((c) => c.code);

  // Fail closed on what the catalogue does not know (all actors).
  out.push({
    id: 'gate-unknown-fact',
    text: `// An unknown category, confidentiality level, source or law is refused.
forbid (principal, action, resource is Item)
when {
  !${set(categories)}.contains(resource.category) ||
  !${set(levels)}.contains(resource.level) ||
  (resource has source && !${set(catalogue.sources.map((s) => s.code))}.contains(resource.source)) ||
  (resource has collectedForLaw && !${set(catalogue.laws.map((l) => l.code))}.contains(resource.collectedForLaw))
};`,
  });

  // Oversight: access metadata for the FG, and for the data subject about their own data.
  out.push({
    id: 'fg-oversight:officer',
    text: `permit (principal is Professional, action == Action::"read", resource is Item)
when { resource.kind == "access_metadata" && principal.roles.contains(${str(OVERSIGHT_ROLE)}) };`,
  });
  out.push({
    id: 'fg-oversight:data-subject',
    text: `permit (principal is Resident, action == Action::"read", resource is Item)
when { resource.kind == "access_metadata" && resource has subject && resource.subject == principal };`,
  });

  // Named system contexts act within their declared scope.
  const scopes = Object.entries(SYSTEM_SCOPE).filter(([, scope]) => scope.length > 0);
  out.push({
    id: 'system-context',
    text: `permit (principal is System, action, resource is Item)
when {
  resource.kind != "access_metadata" &&
  (${scopes.map(([context, scope]) => `(principal == System::${str(context)} && action in ${actions(scope)})`).join(' ||\n   ')})
};`,
  });

  // AVG 15: a resident reads data about themself, or their household's data without a subject.
  out.push({
    id: 'resident-own-data',
    text: `permit (principal is Resident, action in ${actions(RESIDENT_ACTIONS)}, resource is Item)
when {
  resource.kind != "access_metadata" &&
  (if resource has subject then resource.subject == principal else principal.households.contains(resource.household))
};`,
  });

  // R2.1: a professional only through a current involvement that covers the purpose.
  out.push({
    id: 'involvement-required',
    text: `// purpose-specified + involvement-required: a purpose is named, and the involvement is the
// actor's, with this household, current at the decision time, and covers the purpose.
permit (principal is Professional, action, resource is Item)
when {
  ${PROF} &&
  ${INV}.professional == principal &&
  ${INV}.household == resource.household &&
  ${INV}.validFrom <= context.now &&
  (if ${INV} has validUntil then context.now < ${INV}.validUntil else true) &&
  (if ${INV} has subActivityId
    then (${INV} has subActivity && ${SUB}.helpRequest == ${PUR}.id)
    else (if ${INV} has helpRequest then ${INV}.helpRequest == ${PUR}.id else true))
};`,
  });

  narrow.push(forbidProfessional('purpose-household', 'The purpose must be a help request of the household the data belong to.', `${PUR}.household != resource.household`));
  narrow.push(
    forbidProfessional(
      'purpose-open',
      'New processing only for an open help request.',
      `action in ${actions(WRITE_ACTIONS)} && ${set(CLOSED_PURPOSE_STATUSES)}.contains(${PUR}.status)`,
    ),
  );
  narrow.push(forbidProfessional('gate-unknown-fact:professional', 'The purpose names a task the catalogue does not know.', `!${set(catalogue.tasks.map((t) => t.code))}.contains(${PUR}.task)`));
  narrow.push(forbidProfessional('gate-unknown-fact:professional', 'The involvement has a role the catalogue does not know.', `!${set(catalogue.roles.map((r) => r.role))}.contains(${INV}.role)`));

  // Role profiles.
  for (const role of catalogue.roles) {
    if (!role.mayWrite) {
      narrow.push(forbidProfessional('role-read-only', `The ${role.role} role may not write.`, `action in ${actions(WRITE_ACTIONS)} && ${INV}.role == ${str(role.role)}`));
    }
    const hidden = new Set(role.hiddenCategories);
    if (role.hideIdentifying) for (const c of identifying) hidden.add(c);
    if (hidden.size > 0) {
      const id = role.role === 'expert' ? 'expert-pseudonymised' : 'role-profile';
      narrow.push(forbidProfessional(id, `Categories the ${role.role} role never sees.`, `${INV}.role == ${str(role.role)} && ${set([...hidden])}.contains(resource.category)`));
    }
  }

  // R2.2: a chain partner sees only what its sub-activity declares; R2.3: others see DAT only.
  const own = `((resource.kind == "sub_activity" && resource has itemId && resource.itemId == ${SUB}.id) ||
       (resource.kind == "plan_goal" && ${SUB} has lifeDomain && resource has lifeDomain && resource.lifeDomain == ${SUB}.lifeDomain))`;
  const sameDomain = `(if resource has lifeDomain then (${SUB} has lifeDomain && resource.lifeDomain == ${SUB}.lifeDomain) else !(${SUB} has lifeDomain))`;
  narrow.push(
    forbidProfessional(
      'need-to-know-sub-activity',
      'A chain partner sees only the categories its (running) sub-activity declares, its own assignment, the plan goals of its life domain, and no other partner\'s care records.',
      `${INV}.role == ${str(PROVIDER_ROLE)} &&
  (if ${INV} has subActivity
    then (${set(ENDED_SUB_ACTIVITY_STATUSES)}.contains(${SUB}.status) ||
      (!${own} && !${SUB}.categories.contains(resource.category)) ||
      (resource has subActivity && resource.subActivity != ${SUB}.id) ||
      (resource.kind == "plan_goal" && !${sameDomain}))
    else true)`,
    ),
  );
  narrow.push(
    forbidProfessional(
      'provider-own-client',
      'A chain partner sees data only of the resident its sub-activity serves.',
      `${INV}.role == ${str(PROVIDER_ROLE)} && ${INV} has subActivity && resource has subject && resource.subject != ${SUB}.resident`,
    ),
  );
  narrow.push(forbidProfessional('dat-only-director', 'A partner\'s care record: others see DAT-information only.', `${INV}.role != ${str(PROVIDER_ROLE)} && resource has subActivity`));

  // ZGW confidentiality: the item's level at or below the involvement's maximum (inclusive).
  levels.forEach((max, i) => {
    narrow.push(
      forbidProfessional('confidentiality-max', `Maximum ${max}.`, `${INV}.max == ${str(max)} && !${set(levels.slice(0, i + 1))}.contains(resource.level)`),
    );
  });
  narrow.push(forbidProfessional('confidentiality-max', 'An unknown maximum grants nothing.', `!${set(levels)}.contains(${INV}.max)`));

  // AVG 9/10, UAVG 46: special categories, criminal data and the BSN need the task's own basis.
  const special = kindOf('special');
  for (const task of catalogue.tasks) {
    const allowed = new Set(task.specialCategories.map((s) => s.category));
    const refused = special.filter((c) => !allowed.has(c));
    if (refused.length > 0) {
      narrow.push(forbidProfessional('special-category-basis', `Special categories without a basis in ${task.code}.`, `${PUR}.task == ${str(task.code)} && ${set(refused)}.contains(resource.category)`));
    }
  }
  const noCriminal = catalogue.tasks.filter((t) => !t.criminalRule).map((t) => t.code);
  if (noCriminal.length > 0 && kindOf('criminal').length > 0) {
    narrow.push(forbidProfessional('criminal-data-basis', 'Tasks without a basis for criminal data.', `${set(noCriminal)}.contains(${PUR}.task) && ${set(kindOf('criminal'))}.contains(resource.category)`));
  }
  const noBsn = catalogue.tasks.filter((t) => !t.bsnRule).map((t) => t.code);
  if (noBsn.length > 0 && kindOf('bsn').length > 0) {
    narrow.push(forbidProfessional('bsn-use', 'Tasks without a basis for the BSN.', `${set(noBsn)}.contains(${PUR}.task) && ${set(kindOf('bsn'))}.contains(resource.category)`));
  }

  // Sources: scope (Wet SUWI 62) and sources that need explicit consent (Wmo 5.1.1 lid 5).
  for (const source of catalogue.sources) {
    if (source.onlyForLaws) {
      narrow.push(
        forbidProfessional('source-scope', `${source.code} only for ${source.onlyForLaws.join(', ')} (${source.rule ?? ''}).`, `resource has source && resource.source == ${str(source.code)} && !${set(source.onlyForLaws)}.contains(${TARGET_LAW})`),
      );
    }
    (source.explicitConsentFor ?? []).forEach((need) => {
      narrow.push(
        forbidProfessional(
          'consent-record',
          `${source.code} data for ${need.laws.join(', ')} only with explicit consent.`,
          `resource has source && resource.source == ${str(source.code)} && ${set(need.laws)}.contains(${TARGET_LAW}) && context.lookups.explicit.isEmpty()`,
        ),
      );
    });
  }

  // Sector-law reciprocity: the law governing the datum (the source's own law, e.g. SUWI, else the
  // law it was collected for) must let it out and the purpose's law let it in.
  const governed = catalogue.sources.filter((s) => s.law);
  let sourceLaw = `(if resource has collectedForLaw then resource.collectedForLaw else "")`;
  if (governed.length > 0) {
    let byCode = str(governed[governed.length - 1]!.law!);
    for (const s of governed.slice(0, -1).reverse()) byCode = `(if resource.source == ${str(s.code)} then ${str(s.law!)} else ${byCode})`;
    const isGoverned = governed.length === 1 ? `resource.source == ${str(governed[0]!.code)}` : `${set(governed.map((s) => s.code))}.contains(resource.source)`;
    sourceLaw = `(if resource has source && ${isGoverned} then ${byCode} else ${sourceLaw})`;
  }
  const fromLaws = [...new Set(catalogue.flows.map((f) => f.from))];
  for (const from of fromLaws) {
    const into = catalogue.flows.filter((f) => f.from === from && f.condition !== 'never').map((f) => f.to);
    narrow.push(
      forbidProfessional('cross-law-both-permit', `Data governed by ${from} go only into ${into.join(', ') || 'no other law'}.`, `${sourceLaw} == ${str(from)} && !${set([from, ...into])}.contains(${TARGET_LAW})`),
    );
  }
  narrow.push(
    forbidProfessional(
      'cross-law-both-permit',
      'Data governed by a law without any flow stay within that law.',
      `${sourceLaw} != "" && !${set(fromLaws)}.contains(${sourceLaw}) && ${sourceLaw} != ${TARGET_LAW}`,
    ),
  );
  for (const flow of catalogue.flows) {
    if (flow.condition === 'none' || flow.condition === 'never') continue;
    const explicit = `context.lookups.explicit.containsAny(${set(['*', flow.from])})`;
    const noObjection = `context.lookups.noObjection.containsAny(${set(['*', flow.from])})`;
    const needExplicit = flow.condition === 'explicit_consent' || flow.condition === 'explicit_consent_and_written_no_objection';
    const needNoObjection = flow.condition === 'written_no_objection' || flow.condition === 'explicit_consent_and_written_no_objection';
    const ok = [needExplicit ? explicit : null, needNoObjection ? noObjection : null].filter((x) => x !== null).join(' && ');
    const vital = flow.vitalInterestOverride ? ` && !context.lookups.involuntary.contains("approved")` : '';
    narrow.push(
      forbidProfessional(
        'cross-law-both-permit',
        `${flow.from} → ${flow.to}: ${flow.condition}${flow.vitalInterestOverride ? ', or an approved involuntary-processing record' : ''} (${flow.rules.join(', ')}).`,
        `${sourceLaw} == ${str(flow.from)} && ${TARGET_LAW} == ${str(flow.to)} && !(${ok})${vital}`,
      ),
    );
  }

  // Derived secrecy: a partner outside the holder receives such data only with consent.
  narrow.push(
    forbidProfessional(
      'conf-derived',
      'Data from a secrecy holder reach a partner outside the holder only with the resident\'s consent.',
      `${INV}.role == ${str(PROVIDER_ROLE)} && resource has secrecyOrigin &&
  !(${INV} has subActivity && resource has recordedBy && resource.recordedBy == ${SUB}.organisation) &&
  context.lookups.explicit.isEmpty() && context.lookups.ordinary.isEmpty()`,
    ),
  );
  out.push(...forbids(narrow));
  return out;
}

export function cedarPolicyText(catalogue: Catalogue): string {
  const header = `// The gate's policy in Cedar, generated from rules catalogue ${catalogue.version} by
// bench/gate/cedar-policy.ts — do not edit; regenerate with
//   node --import tsx bench/gate/cedar-policy.ts --write
// Used by the differential test (test/policy/differential.test.ts) and the benchmark (npm run bench -- gate).
`;
  return header + cedarPolicies(catalogue).map((p) => `\n@id(${str(p.id)})\n${p.text}\n`).join('');
}

export function cedarSchemaText(catalogue: Catalogue): string {
  return `// Schema of the gate's Cedar encoding (catalogue ${catalogue.version}), generated by
// bench/gate/cedar-policy.ts — do not edit. Times are epoch milliseconds.
entity Unauthenticated;
entity System;
entity Professional = { roles: Set<String>, organisation: String };
entity Resident = { households: Set<String> };
entity Item = {
  kind: String,
  household: String,
  subject?: Resident,
  itemId?: String,
  category: String,
  collectedForLaw?: String,
  source?: String,
  level: String,
  secrecyOrigin?: String,
  subActivity?: String,
  recordedBy?: String,
  lifeDomain?: String,
};
type SubActivity = {
  id: String,
  helpRequest: String,
  organisation: String,
  resident: Resident,
  lifeDomain?: String,
  categories: Set<String>,
  status: String,
};
type Involvement = {
  id: String,
  professional: Professional,
  household: String,
  helpRequest?: String,
  subActivityId?: String,
  subActivity?: SubActivity,
  role: String,
  max: String,
  validFrom: Long,
  validUntil?: Long,
};
type HelpRequest = { id: String, household: String, task: String, status: String };
type Lookups = { explicit: Set<String>, noObjection: Set<String>, ordinary: Set<String>, involuntary: Set<String> };
type GateContext = { now: Long, purpose?: HelpRequest, involvement?: Involvement, lookups: Lookups };
action read, list, create, update, delete appliesTo {
  principal: [Unauthenticated, System, Professional, Resident],
  resource: Item,
  context: GateContext,
};
`;
}

export const POLICY_FILE = fileURLToPath(new URL('./policy.cedar', import.meta.url));
export const SCHEMA_FILE = fileURLToPath(new URL('./policy.cedarschema', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  const { CATALOGUE_2026_1 } = await import('../../src/core/policy/catalogue-fixture.ts');
  writeFileSync(POLICY_FILE, cedarPolicyText(CATALOGUE_2026_1));
  writeFileSync(SCHEMA_FILE, cedarSchemaText(CATALOGUE_2026_1));
  console.log(`wrote ${POLICY_FILE} and ${SCHEMA_FILE}`);
}
