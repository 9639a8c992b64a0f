/**
 * The generator is pure and deterministic, and the municipality it makes is realistic enough to test
 * the policy on (issue 2 item 4; R1). No database here: these run on generated rows.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_RESIDENT_BSN } from '../../src/core/demo/personas.ts';
import { isValidBsn } from '../../src/core/domain/bsn.ts';
import { ZRM_DOMAINS } from '../../src/core/domain/zrm.ts';
import { CATALOGUE_2026_1 } from '../../src/core/policy/catalogue-fixture.ts';
import { DEFAULT_MODEL, isSealed, modelFromCatalogue, taskAllows, type TaskCode } from '../../src/data/seed/model.ts';
import { ORGANISATIONS } from '../../src/data/seed/organisations.ts';
import { Rng } from '../../src/data/seed/prng.ts';
import { generateAll, hashGenerated } from './helpers.ts';

const OPTS = { residents: 3000, seed: 42 };
const WORLD = generateAll(OPTS);
const world = WORLD;
const AS_OF = '2026-11-01T00:00:00.000Z';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('determinism', () => {
  it('the same seed gives the same rows (same SHA-256)', () => {
    expect(hashGenerated(OPTS)).toBe(hashGenerated(OPTS));
  });

  it('another seed gives another municipality', () => {
    expect(hashGenerated({ ...OPTS, seed: 43 })).not.toBe(hashGenerated(OPTS));
  });

  it('another reference date gives another municipality', () => {
    expect(hashGenerated({ ...OPTS, asOf: '2026-06-01' })).not.toBe(hashGenerated(OPTS));
  });

  it('more items per request changes the data items and nothing else', () => {
    const more = generateAll({ ...OPTS, itemsPerRequest: 20 });
    expect(more.resident).toEqual(world.resident);
    expect(more.help_request).toEqual(world.help_request);
    expect(more.involvement).toEqual(world.involvement);
    expect(more.data_item.length).toBeGreaterThan(world.data_item.length * 1.8);
  });

  it('a PRNG stream is reproducible and streams of different households differ', () => {
    const a = new Rng(1, 'household', 7);
    const b = new Rng(1, 'household', 7);
    const c = new Rng(1, 'household', 8);
    const xs = Array.from({ length: 5 }, () => a.nextU32());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextU32())).not.toEqual(xs);
  });
});

describe('shape', () => {
  it('makes exactly the requested number of residents, the demo household included', () => {
    expect(world.resident).toHaveLength(OPTS.residents);
    expect(world.household_member).toHaveLength(OPTS.residents);
  });

  it('gives every row a unique UUID in version-4 format', () => {
    const ids = Object.values(world).flatMap((rows: { id?: string }[]) => rows.map((r) => r.id!));
    expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('dates nothing on or after the reference date, except planned involvements and sub-activities', () => {
    expect(world.help_request.every((r) => String(r.registered_at) < AS_OF && (r.triaged_at === null || String(r.triaged_at) < AS_OF))).toBe(true);
    expect(world.data_item.every((i) => String(i.recorded_at) < AS_OF)).toBe(true);
    expect(world.resident.every((r) => r.birth_date < AS_OF)).toBe(true);
  });
});

// The invariants must hold for any seed, not only the one above.
describe.each([42, 7, 2015])('realism invariants (seed %i)', (seed) => {
  const world = seed === OPTS.seed ? WORLD : generateAll({ ...OPTS, seed });
  it('every BSN passes the 11-proef, is unique, and only the demo household uses the 9999 block', () => {
    const bsns = world.resident.map((r) => r.bsn);
    expect(bsns.every(isValidBsn)).toBe(true);
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(bsns.filter((b) => b.startsWith('9999'))).toHaveLength(4);
    expect(bsns).toContain(DEMO_RESIDENT_BSN);
  });

  it('every minor has a legal representative who is a parent in the household', () => {
    const minors = world.resident.filter((r) => r.birth_date > '2008-11-01');
    expect(minors.length).toBeGreaterThan(OPTS.residents * 0.12);
    const reps = new Map<string, string[]>();
    for (const r of world.legal_representative) reps.set(r.resident_id, [...(reps.get(r.resident_id) ?? []), r.representative_id]);
    const relation = new Map(world.household_member.map((m) => [m.resident_id, m.relation]));
    for (const m of minors) {
      const parents = reps.get(m.id) ?? [];
      expect(parents.length).toBeGreaterThan(0);
      expect(parents.every((p) => relation.get(p) === 'head' || relation.get(p) === 'partner')).toBe(true);
    }
  });

  it('has a plausible age pyramid: about a fifth minors, some over-80s, nobody over 105', () => {
    const ages = world.resident.map((r) => 2026 - Number(r.birth_date.slice(0, 4)));
    const share = (f: (a: number) => boolean) => ages.filter(f).length / ages.length;
    expect(share((a) => a < 18)).toBeGreaterThan(0.15);
    expect(share((a) => a < 18)).toBeLessThan(0.27);
    expect(share((a) => a >= 65)).toBeGreaterThan(0.12);
    expect(share((a) => a >= 80)).toBeGreaterThan(0.02);
    expect(Math.max(...ages)).toBeLessThanOrEqual(105);
  });

  it('every help request names a task of its own domain', () => {
    const domainOf = new Map(CATALOGUE_2026_1.tasks.map((t) => [t.code, t.domain]));
    expect(world.help_request.every((r) => domainOf.get(r.task_code) === r.domain_code)).toBe(true);
  });

  it('asks youth care for minors, the other domains for adults, social assistance below pension age', () => {
    const birth = new Map(world.resident.map((r) => [r.id, r.birth_date]));
    const ageAt = (id: string, at: string) => Number(at.slice(0, 4)) - Number(birth.get(id)!.slice(0, 4)) - (at.slice(5, 10) < birth.get(id)!.slice(5, 10) ? 1 : 0);
    for (const r of world.help_request) {
      const age = ageAt(r.resident_id, String(r.registered_at));
      if (r.domain_code === 'jeugd') expect(age).toBeLessThan(18);
      else expect(age).toBeGreaterThanOrEqual(18);
      if (r.domain_code === 'werk_inkomen') expect(age).toBeLessThan(67);
    }
  });

  it('about 12 % of households ask for help; most stay in one domain, a minority is multi-problem', () => {
    const domains = new Map<string, Set<string>>();
    for (const r of world.help_request) domains.set(r.household_id, (domains.get(r.household_id) ?? new Set()).add(r.domain_code));
    const share = domains.size / world.household.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.16);
    const multi = [...domains.values()].filter((s) => s.size > 1).length / domains.size;
    expect(multi).toBeGreaterThan(0.08);
    expect(multi).toBeLessThan(0.28);
  });

  it('triage says multi exactly for households with requests in several domains', () => {
    const domains = new Map<string, Set<string>>();
    for (const r of world.help_request) domains.set(r.household_id, (domains.get(r.household_id) ?? new Set()).add(r.domain_code));
    for (const r of world.help_request.filter((x) => x.complexity !== null)) {
      expect(r.complexity).toBe(domains.get(r.household_id)!.size > 1 ? 'multi' : 'single');
      expect(r.triage_reasoning).toBeTruthy();
    }
  });

  it('plan goals cover only the life domains the requests need, never all 13', () => {
    const perPlan = new Map<string, string[]>();
    for (const g of world.plan_goal) perPlan.set(g.plan_id, [...(perPlan.get(g.plan_id) ?? []), g.life_domain]);
    const codes = ZRM_DOMAINS.map((d) => d.code as string);
    for (const domains of perPlan.values()) {
      expect(domains.every((d) => codes.includes(d))).toBe(true);
      expect(new Set(domains).size).toBe(domains.length);
      expect(domains.length).toBeLessThan(8);
    }
  });

  it('a household has at most one active plan, and each plan has one director with a director involvement', () => {
    const active = world.support_plan.filter((p) => p.status === 'active');
    expect(new Set(active.map((p) => p.household_id)).size).toBe(active.length);
    for (const p of world.support_plan) {
      const directors = world.involvement.filter((i) => i.role === 'director' && i.household_id === p.household_id && i.professional_id === p.director_id);
      expect(directors.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('every provider involvement runs through a sub-activity of a chain partner', () => {
    const subs = new Map(world.sub_activity.map((s) => [s.id, s]));
    const partners = new Set(ORGANISATIONS.filter((o) => o.kind === 'chain_partner').map((o) => o.id));
    const providers = world.involvement.filter((i) => i.role === 'provider');
    expect(providers.length).toBeGreaterThan(0);
    for (const i of providers) {
      expect(i.sub_activity_id).not.toBeNull();
      expect(partners.has(subs.get(i.sub_activity_id!)!.organisation_id)).toBe(true);
    }
    expect(world.involvement.filter((i) => i.role !== 'provider').every((i) => i.sub_activity_id === null)).toBe(true);
  });

  it('has ended involvements and a few that start after the reference date', () => {
    expect(world.involvement.some((i) => i.valid_until !== null && String(i.valid_until) < AS_OF)).toBe(true);
    expect(world.involvement.some((i) => String(i.valid_from) > AS_OF)).toBe(true);
    expect(world.involvement.every((i) => i.valid_until === null || String(i.valid_until) > String(i.valid_from))).toBe(true);
  });

  it('marks special-category, criminal and BSN items as sealed, and only those', () => {
    for (const item of world.data_item) {
      const kind = DEFAULT_MODEL.categories[item.category]!.kind;
      expect(item.sealed).toBe(kind !== 'ordinary');
    }
    expect(world.data_item.some((i) => i.sealed)).toBe(true);
  });

  it('records only categories the task has a basis for, with the task basis rule and the domain retention class', () => {
    const taskOf = new Map(world.help_request.map((r) => [r.id, r.task_code as TaskCode]));
    for (const item of world.data_item.filter((i) => i.sub_activity_id === null)) {
      const task = taskOf.get(item.help_request_id)!;
      expect(taskAllows(DEFAULT_MODEL, task, item.category)).toBe(true);
      expect(item.legal_basis).toBe(DEFAULT_MODEL.tasks[task].basisRule);
    }
  });

  it('uses Suwinet data only for Participatiewet and Wgs purposes (Wet SUWI art. 62)', () => {
    const taskOf = new Map(world.help_request.map((r) => [r.id, r.task_code]));
    const suwi = world.data_item.filter((i) => i.source === 'suwi');
    expect(suwi.length).toBeGreaterThan(0);
    expect(suwi.every((i) => /^(pw|wgs)-/.test(taskOf.get(i.help_request_id)!))).toBe(true);
  });

  it('keeps a provider record with its sub-activity, source provider and the partner’s secrecy', () => {
    const subs = new Map(world.sub_activity.map((s) => [s.id, s]));
    const secrecy = new Map(ORGANISATIONS.map((o) => [o.id, o.secrecyOrigin]));
    const records = world.data_item.filter((i) => i.sub_activity_id !== null);
    expect(records.some((i) => i.category === 'care_record')).toBe(true);
    for (const r of records) {
      expect(r.source).toBe('provider');
      expect(r.secrecy_origin).toBe(secrecy.get(subs.get(r.sub_activity_id!)!.organisation_id) ?? null);
    }
  });

  it('names a secrecy origin for every provider-sourced item of a partner with a duty of confidentiality', () => {
    const provided = world.data_item.filter((i) => i.source === 'provider' && i.sub_activity_id === null);
    expect(provided.length).toBeGreaterThan(0);
    expect(provided.every((i) => i.secrecy_origin !== null)).toBe(true);
  });
});

describe('the model follows the rules catalogue', () => {
  it('the built-in model equals the one derived from catalogue 2026.1', () => {
    expect(modelFromCatalogue(CATALOGUE_2026_1)).toEqual(DEFAULT_MODEL);
  });

  it('an ordinary kind in the catalogue never unseals a category the built-in model seals', () => {
    const loose = modelFromCatalogue({ tasks: [], categories: [{ code: 'health_mental', nl: 'x', en: 'x', kind: 'ordinary', defaultConfidentiality: 'intern' }] });
    expect(isSealed(loose, 'health_mental')).toBe(true);
    expect(isSealed(loose, 'unknown_category')).toBe(true);
  });
});
