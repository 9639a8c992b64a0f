/**
 * The gate's policy evaluated by Cedar (@cedar-policy/cedar-wasm 4.13.0, Node build), for the
 * differential test and the benchmark. The policy is bench/gate/policy.cedar (generated from the
 * catalogue by cedar-policy.ts), validated in strict mode against bench/gate/policy.cedarschema at
 * start-up and pre-parsed once; each decision is statefulIsAuthorized on an entity slice built for
 * the request (research/authz.md §1.3).
 *
 * What the harness pre-computes (everything else — which categories need which basis, the flows and
 * their conditions, roles, need-to-know, levels, secrecy, system scopes, time windows of
 * involvements — is decided by the Cedar policy):
 *
 * 1. The slice, copied from the facts without judging them: the principal (Professional with its
 *    staff roles and organisation; Resident with the households it is a member of — the context's
 *    memberOf; System named by its context; Unauthenticated when there is no actor) and the item
 *    (null fields become absent attributes; `type` is `kind`, `id` is `itemId`, `residentId` is the
 *    entity `subject`). The purpose goes into the context as a record; times as epoch milliseconds
 *    (`now`, and the involvement's `validFrom`/`validUntil`).
 * 2. One call per involvement in the context (decide()'s loop "the first involvement that permits
 *    wins"): the involvement goes into the context with its sub-activity joined in by id (absent when
 *    the id names no known sub-activity). A professional without involvements gets one call without
 *    one (and is denied by the policy). The decision is permit when any call permits.
 * 3. The consent and involuntary-record look-ups of lookups.ts (`context.lookups`): per consent kind,
 *    the source laws of matching consents in force ('*' for none named); the statuses of matching,
 *    unexpired involuntary records. Consents naming a recipient count only for that organisation;
 *    a consent's target law is compared with the law of the purpose's task (catalogue look-up).
 * The purpose's law is not passed: the policy derives it from the purpose's task (generated mapping).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type * as CedarWasm from '@cedar-policy/cedar-wasm/nodejs';
import type { Action, GateContext, GateItem, InvolvementFact } from '../../src/core/policy/decide.ts';
import { lookupsFor } from './lookups.ts';
import type { Catalogue } from '../../src/core/policy/catalogue.ts';
import { CATALOGUE_2026_1 } from '../../src/core/policy/catalogue-fixture.ts';
import { POLICY_FILE, SCHEMA_FILE } from './cedar-policy.ts';

type Cedar = typeof CedarWasm;
type CedarValue = CedarWasm.CedarValueJson;

let cedarModule: Cedar | null = null;
export function cedarWasm(): Cedar {
  cedarModule ??= createRequire(import.meta.url)('@cedar-policy/cedar-wasm/nodejs') as Cedar;
  return cedarModule;
}

export interface CedarGateOptions {
  policyText?: string;
  schemaText?: string;
  /** Validate every request against the schema as well (slower; used once by the test). */
  validateRequest?: boolean;
  /** The catalogue the policy was generated from (for the task → law look-up of lookups.ts). */
  catalogue?: Catalogue;
}

let gateSeq = 0;

export class CedarGate {
  readonly policyIds: string[];
  private readonly cedar: Cedar;
  private readonly psetId: string;
  private readonly schemaName: string;
  private readonly validateRequest: boolean;
  /** Number of statefulIsAuthorized calls made (decisions need one per involvement). */
  calls = 0;
  private readonly taskLaw: Map<string, string>;

  constructor(opts: CedarGateOptions = {}) {
    this.cedar = cedarWasm();
    this.taskLaw = new Map((opts.catalogue ?? CATALOGUE_2026_1).tasks.map((t) => [t.code, t.law]));
    const policyText = opts.policyText ?? readFileSync(POLICY_FILE, 'utf8');
    const schemaText = opts.schemaText ?? readFileSync(SCHEMA_FILE, 'utf8');
    const parts = this.cedar.policySetTextToParts(policyText);
    if (parts.type !== 'success') throw new Error(`Cedar policy does not parse: ${JSON.stringify(parts.errors)}`);
    const staticPolicies: Record<string, string> = {};
    for (const p of parts.policies) {
      const id = /@id\("([^"]+)"\)/.exec(p)?.[1];
      if (!id || staticPolicies[id]) throw new Error(`Cedar policy without a unique @id: ${p.slice(0, 80)}`);
      staticPolicies[id] = p;
    }
    this.policyIds = Object.keys(staticPolicies);
    const validation = this.cedar.validate({ schema: schemaText, policies: { staticPolicies }, validationSettings: { mode: 'strict' } });
    if (validation.type !== 'success') throw new Error(`Cedar validation failed: ${JSON.stringify(validation.errors)}`);
    if (validation.validationErrors.length > 0) {
      throw new Error(`Cedar policy does not validate against the schema:\n${validation.validationErrors.map((e) => `${e.policyId}: ${e.error.message}`).join('\n')}`);
    }
    this.psetId = `gate-${gateSeq++}`;
    this.schemaName = `gate-schema-${gateSeq}`;
    const pre = this.cedar.preparsePolicySet(this.psetId, { staticPolicies });
    if (pre.type !== 'success') throw new Error(`Cedar preparse failed: ${JSON.stringify(pre.errors)}`);
    this.validateRequest = opts.validateRequest ?? false;
    if (this.validateRequest) {
      const s = this.cedar.preparseSchema(this.schemaName, schemaText);
      if (s.type !== 'success') throw new Error(`Cedar schema preparse failed: ${JSON.stringify(s.errors)}`);
    }
  }

  /** Permit or deny, and the ids of the determining policies of the last call (for diagnostics). */
  decide(ctx: GateContext, action: Action, item: GateItem): { permit: boolean; reasons: string[] } {
    const actor = ctx.actor;
    let principal: CedarWasm.EntityJson;
    if (actor === null) principal = { uid: { type: 'Unauthenticated', id: 'anonymous' }, attrs: {}, parents: [] };
    else if (actor.kind === 'system') principal = { uid: { type: 'System', id: actor.context }, attrs: {}, parents: [] };
    else if (actor.kind === 'resident') principal = { uid: { type: 'Resident', id: actor.id }, attrs: { households: [...(ctx.memberOf ?? [])] }, parents: [] };
    else principal = { uid: { type: 'Professional', id: actor.id }, attrs: { roles: [...actor.roles], organisation: actor.organisationId }, parents: [] };

    const attrs: Record<string, CedarValue> = { kind: item.type, household: item.householdId, category: item.category, level: item.confidentiality };
    if (item.residentId !== null) attrs.subject = { __entity: { type: 'Resident', id: item.residentId } };
    if (item.id !== null) attrs.itemId = item.id;
    if (item.collectedForLaw !== null) attrs.collectedForLaw = item.collectedForLaw;
    if (item.source !== null) attrs.source = item.source;
    if (item.secrecyOrigin !== null) attrs.secrecyOrigin = item.secrecyOrigin;
    if (item.subActivityId !== null) attrs.subActivity = item.subActivityId;
    if (item.recordedByOrganisationId !== null) attrs.recordedBy = item.recordedByOrganisationId;
    if (item.lifeDomain !== undefined && item.lifeDomain !== null) attrs.lifeDomain = item.lifeDomain;
    const resource: CedarWasm.EntityJson = { uid: { type: 'Item', id: 'item' }, attrs, parents: [] };
    const entities = [principal, resource];

    const context: Record<string, CedarValue> = { now: ctx.at.getTime() };
    const purpose = ctx.purpose;
    if (purpose !== null) {
      context.purpose = { id: purpose.id, household: purpose.householdId, task: purpose.taskCode, status: purpose.status };
    }
    context.lookups = lookupsFor(ctx, item, purpose ? this.taskLaw.get(purpose.taskCode) : undefined) as unknown as CedarValue;

    const base = { principal: principal.uid, action: { type: 'Action', id: action }, resource: resource.uid, preparsedPolicySetId: this.psetId, entities };
    const candidates: (InvolvementFact | null)[] = actor?.kind === 'professional' && ctx.involvements.length > 0 ? [...ctx.involvements] : [null];
    let reasons: string[] = [];
    for (const inv of candidates) {
      if (inv !== null) context.involvement = this.involvement(ctx, inv);
      const call: CedarWasm.StatefulAuthorizationCall = { ...base, context };
      if (this.validateRequest) {
        call.preparsedSchemaName = this.schemaName;
        call.validateRequest = true;
      }
      this.calls++;
      const answer = this.cedar.statefulIsAuthorized(call);
      if (answer.type !== 'success') throw new Error(`Cedar failed: ${JSON.stringify(answer.errors)}`);
      if (answer.response.diagnostics.errors.length > 0) {
        throw new Error(`Cedar policy errors: ${JSON.stringify(answer.response.diagnostics.errors)}`);
      }
      reasons = answer.response.diagnostics.reason;
      if (answer.response.decision === 'allow') return { permit: true, reasons };
    }
    return { permit: false, reasons };
  }

  private involvement(ctx: GateContext, inv: InvolvementFact): CedarValue {
    const rec: Record<string, CedarValue> = {
      id: inv.id,
      professional: { __entity: { type: 'Professional', id: inv.professionalId } },
      household: inv.householdId,
      role: inv.role,
      max: inv.maxConfidentiality,
      validFrom: inv.validFrom.getTime(),
    };
    if (inv.validUntil !== null) rec.validUntil = inv.validUntil.getTime();
    if (inv.helpRequestId !== null) rec.helpRequest = inv.helpRequestId;
    if (inv.subActivityId !== null) {
      rec.subActivityId = inv.subActivityId;
      const sub = ctx.subActivities.get(inv.subActivityId);
      if (sub) {
        const s: Record<string, CedarValue> = {
          id: sub.id,
          helpRequest: sub.helpRequestId,
          organisation: sub.organisationId,
          resident: { __entity: { type: 'Resident', id: sub.residentId } },
          categories: [...sub.dataCategories],
          status: sub.status,
        };
        if (sub.lifeDomain !== null) s.lifeDomain = sub.lifeDomain;
        rec.subActivity = s;
      }
    }
    return rec;
  }
}
