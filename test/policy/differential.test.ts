/**
 * Differential test of the gate (issue 3 tests): the same policy, generated from the catalogue, in
 * Cedar (bench/gate/cedar.ts, policy.cedar) and casbin (bench/gate/casbin.ts), must decide a generated
 * corpus exactly as decide() does. A mismatch prints the first differing request with its facts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_2026_1, catalogueCopy } from '../../src/core/policy/catalogue-fixture.ts';
import type { Catalogue } from '../../src/core/policy/catalogue.ts';
import { compilePolicy } from '../../src/core/policy/compile.ts';
import { decide, type Decision } from '../../src/core/policy/decide.ts';
import { DENY_RULES_EXERCISED, PERMIT_RULES_EXERCISED, generateCorpus, type GateRequest, type World } from '../../bench/gate/corpus.ts';
import { CedarGate } from '../../bench/gate/cedar.ts';
import { CasbinGate } from '../../bench/gate/casbin.ts';
import { POLICY_FILE, SCHEMA_FILE, cedarPolicyText, cedarSchemaText } from '../../bench/gate/cedar-policy.ts';
import { lookupsFor } from '../../bench/gate/lookups.ts';

const CEDAR_CORPUS = 10_000;
const CASBIN_CORPUS = 2_500;
const SEED = 2026;
/** The Cedar policies that permit; every other policy is a forbid named after its catalogue rule. */
const CEDAR_PERMITS = new Set(['fg-oversight:officer', 'fg-oversight:data-subject', 'system-context', 'resident-own-data', 'involvement-required']);

/** The facts of one request, for a failure message. */
function facts(r: GateRequest, d: Decision, engine: string, answer: unknown): string {
  const at = r.context.at.getTime();
  const purposeId = r.context.purpose?.id;
  return JSON.stringify(
    {
      engine,
      engineAnswer: answer,
      decide: { permit: d.permit, rule: d.rule, passed: d.passed, cited: d.cited, facts: d.facts, involvement: d.involvementId },
      scenario: r.scenario,
      action: r.action,
      at: r.context.at.toISOString(),
      actor: r.context.actor,
      purpose: r.context.purpose,
      item: r.item,
      involvements: r.context.involvements.map((i) => ({
        ...i,
        current: i.validFrom.getTime() <= at && (i.validUntil === null || at < i.validUntil.getTime()),
        subActivity: i.subActivityId === null ? null : (r.context.subActivities.get(i.subActivityId) ?? 'unknown'),
      })),
      consents: r.context.consents.filter((c) => c.helpRequestId === purposeId),
      involuntary: r.context.involuntary.filter((v) => v.helpRequestId === purposeId),
      memberOf: r.context.memberOf ? [...r.context.memberOf] : undefined,
      lookups: lookupsFor(r.context, r.item, r.context.purpose ? CATALOGUE_2026_1.tasks.find((t) => t.code === r.context.purpose!.taskCode)?.law : undefined),
    },
    null,
    2,
  );
}

interface Comparison {
  mismatches: number;
  first: string;
}

function compare(requests: readonly GateRequest[], decisions: readonly Decision[], engine: string, answer: (r: GateRequest) => { permit: boolean; detail: unknown }): Comparison {
  let mismatches = 0;
  let first = '';
  requests.forEach((r, i) => {
    const a = answer(r);
    if (a.permit !== decisions[i]!.permit) {
      if (mismatches === 0) first = `first mismatch (request ${i}):\n${facts(r, decisions[i]!, engine, a.detail)}`;
      mismatches++;
    }
  });
  return { mismatches, first };
}

describe('differential: decide() against Cedar and casbin on a generated corpus', () => {
  const cat = CATALOGUE_2026_1;
  const policy = compilePolicy(cat);
  let world: World;
  let requests: GateRequest[];
  let decisions: Decision[];

  beforeAll(() => {
    ({ world, requests } = generateCorpus({ seed: SEED, size: CEDAR_CORPUS, catalogue: cat }));
    decisions = requests.map((r) => decide(policy, r.context, r.action, r.item));
  });

  it('the corpus is the same for the same seed', () => {
    const again = generateCorpus({ seed: SEED, size: 200, catalogue: cat }).requests;
    const once = generateCorpus({ seed: SEED, size: 200, catalogue: cat }).requests;
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));
  });

  it('the corpus makes every check of decide() deny some request and every permitting check pass', () => {
    const denied = new Map<string, number>();
    const passed = new Set<string>();
    for (const d of decisions) {
      if (d.permit) for (const p of d.passed) passed.add(p);
      else denied.set(d.rule, (denied.get(d.rule) ?? 0) + 1);
    }
    expect(DENY_RULES_EXERCISED.filter((r) => !denied.has(r))).toEqual([]);
    expect(PERMIT_RULES_EXERCISED.filter((r) => !passed.has(r))).toEqual([]);
    const permits = decisions.filter((d) => d.permit).length;
    expect(permits / decisions.length).toBeGreaterThan(0.15);
    expect(permits / decisions.length).toBeLessThan(0.5);
  });

  it('the corpus holds every category, source, secrecy origin, object type, action, role and status', () => {
    const seen = (values: Iterable<string | null | undefined>) => new Set([...values].filter((v): v is string => typeof v === 'string'));
    const items = requests.map((r) => r.item);
    const missing = (expected: readonly string[], got: Set<string>) => expected.filter((e) => !got.has(e));
    expect(missing(cat.categories.map((c) => c.code), seen(items.map((i) => i.category)))).toEqual([]);
    expect(missing(cat.sources.map((s) => s.code), seen(items.map((i) => i.source)))).toEqual([]);
    expect(missing(cat.secrecyOrigins.map((s) => s.code), seen(items.map((i) => i.secrecyOrigin)))).toEqual([]);
    expect(missing(['data_item', 'resident', 'plan', 'plan_goal', 'sub_activity', 'help_request', 'household', 'involvement', 'consent', 'access_metadata'], seen(items.map((i) => i.type)))).toEqual([]);
    expect(missing(['read', 'list', 'create', 'update', 'delete'], seen(requests.map((r) => r.action)))).toEqual([]);
    expect(missing(['professional', 'resident', 'system'], seen(requests.map((r) => r.context.actor?.kind)))).toEqual([]);
    expect(requests.some((r) => r.context.actor === null)).toBe(true);
    expect(missing(['director', 'case_worker', 'provider', 'expert'], seen(world.involvements.map((i) => i.role)))).toEqual([]);
    expect(missing(['registered', 'triaged', 'in_progress', 'closed', 'withdrawn'], seen([...world.helpRequests.values()].map((h) => h.status)))).toEqual([]);
    expect(missing(cat.tasks.map((t) => t.code), seen([...world.helpRequests.values()].map((h) => h.taskCode)))).toEqual([]);
    expect(missing(['explicit', 'ordinary', 'written_no_objection'], seen(world.households.flatMap((h) => h.consents.map((c) => c.kind))))).toEqual([]);
    expect(missing(['draft', 'approved', 'rejected', 'ended'], seen(world.households.flatMap((h) => h.involuntary.map((v) => v.status))))).toEqual([]);
    expect(missing(['active', 'proposed', 'completed', 'stopped'], seen([...world.subActivities.values()].map((s) => s.status)))).toEqual([]);
  });

  it('the committed Cedar policy and schema are generated from the current catalogue', () => {
    expect(readFileSync(POLICY_FILE, 'utf8'), 'run: node --import tsx bench/gate/cedar-policy.ts --write').toBe(cedarPolicyText(cat));
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'run: node --import tsx bench/gate/cedar-policy.ts --write').toBe(cedarSchemaText(cat));
  });

  it(`Cedar decides all ${CEDAR_CORPUS.toLocaleString('en')} requests exactly as decide(), and its forbids name decide()'s deny rule`, { timeout: 240_000 }, () => {
    const cedar = new CedarGate();
    // Each Cedar forbid carries a catalogue rule id. Where decide() denies by such a rule and Cedar
    // denies by forbids (one involvement, so one call), the rule must be among Cedar's reasons.
    const forbidRules = new Set(cedar.policyIds.filter((id) => !CEDAR_PERMITS.has(id)).map((id) => id.split(':')[0]!));
    let explained = 0;
    const unexplained: string[] = [];
    const result = compare(requests, decisions, 'cedar', (r) => {
      const a = cedar.decide(r.context, r.action, r.item);
      const d = decide(policy, r.context, r.action, r.item);
      if (!d.permit && !a.permit && forbidRules.has(d.rule) && a.reasons.length > 0 && r.context.involvements.length <= 1) {
        if (a.reasons.some((id) => id.split(':')[0] === d.rule)) explained++;
        else unexplained.push(`${d.rule} not in [${a.reasons.join(', ')}]`);
      }
      return { permit: a.permit, detail: a };
    });
    expect(result.mismatches, result.first).toBe(0);
    expect(unexplained.slice(0, 5)).toEqual([]);
    expect(explained).toBeGreaterThan(1000);
  });

  it('every Cedar request conforms to the schema', { timeout: 60_000 }, () => {
    const cedar = new CedarGate({ validateRequest: true });
    const result = compare(requests.slice(0, 300), decisions.slice(0, 300), 'cedar+schema', (r) => {
      const a = cedar.decide(r.context, r.action, r.item);
      return { permit: a.permit, detail: a };
    });
    expect(result.mismatches, result.first).toBe(0);
  });

  it(`casbin decides ${CASBIN_CORPUS.toLocaleString('en')} requests exactly as decide()`, { timeout: 120_000 }, async () => {
    const casbin = await CasbinGate.create(cat);
    const result = compare(requests.slice(0, CASBIN_CORPUS), decisions.slice(0, CASBIN_CORPUS), 'casbin', (r) => {
      const permit = casbin.decide(r.context, r.action, r.item);
      return { permit, detail: permit };
    });
    expect(result.mismatches, result.first).toBe(0);
  });
});

/** A catalogue changed in the tables each engine reads, to show the encodings are generated, not copied. */
function changedCatalogue(): Catalogue {
  const c = catalogueCopy();
  c.version = '2026.1-changed';
  const task = (code: string) => c.tasks.find((t) => t.code === code)!;
  delete task('wmo-onderzoek').bsnRule;
  delete task('jeugd-hulp').criminalRule;
  task('pw-levensonderhoud').specialCategories.push({ category: 'health_mental', rule: 'uavg-30-reintegration' });
  c.roles.find((r) => r.role === 'director')!.hiddenCategories.push('criminal', 'religion');
  c.roles.find((r) => r.role === 'case_worker')!.mayWrite = false;
  c.flows.find((f) => f.from === 'pw' && f.to === 'wmo2015')!.condition = 'never';
  c.flows.find((f) => f.from === 'wmo2015' && f.to === 'pw')!.condition = 'none';
  c.flows.find((f) => f.from === 'wmo2015' && f.to === 'wgs')!.vitalInterestOverride = true;
  c.sources.find((s) => s.code === 'payment_signal')!.explicitConsentFor = [{ laws: ['wgs'], rule: 'signal-bgs-2' }];
  c.categories.find((x) => x.code === 'housing')!.kind = 'special';
  return c;
}

describe('differential: the encodings follow a changed catalogue', () => {
  const changed = changedCatalogue();
  const policy = compilePolicy(changed);
  const original = compilePolicy(CATALOGUE_2026_1);
  const requests = generateCorpus({ seed: 7, size: 1_500, catalogue: changed }).requests;
  const decisions = requests.map((r) => decide(policy, r.context, r.action, r.item));

  it('the change alters decide()’s decisions, including denies by rules the shipped catalogue never reaches', () => {
    const differ = requests.filter((r, i) => decide(original, r.context, r.action, r.item).permit !== decisions[i]!.permit).length;
    expect(differ).toBeGreaterThan(20);
    const denied = new Set(decisions.filter((d) => !d.permit).map((d) => d.rule));
    expect(denied).toContain('bsn-use');
    expect(denied).toContain('role-profile');
  });

  it('Cedar, with the policy generated from the changed catalogue, decides as decide()', { timeout: 120_000 }, () => {
    const cedar = new CedarGate({ policyText: cedarPolicyText(changed), schemaText: cedarSchemaText(changed) });
    const result = compare(requests, decisions, 'cedar', (r) => {
      const a = cedar.decide(r.context, r.action, r.item);
      return { permit: a.permit, detail: a };
    });
    expect(result.mismatches, result.first).toBe(0);
  });

  it('casbin, with model and rows generated from the changed catalogue, decides as decide()', { timeout: 120_000 }, async () => {
    const casbin = await CasbinGate.create(changed);
    const result = compare(requests, decisions, 'casbin', (r) => {
      const permit = casbin.decide(r.context, r.action, r.item);
      return { permit, detail: permit };
    });
    expect(result.mismatches, result.first).toBe(0);
  });
});
