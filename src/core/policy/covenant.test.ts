/** The covenant check (R8.1) as a decision table: one row per behaviour, named as a sentence. */
import { describe, expect, it } from 'vitest';
import { CATALOGUE_2026_1 } from './catalogue-fixture.ts';
import { compilePolicy } from './compile.ts';
import { checkCovenant, type CovenantFact, type ShareFacts } from './covenant.ts';
import { explain } from './explain.ts';

const policy = compilePolicy(CATALOGUE_2026_1);
const ORG = 'o-partner';

const covenant = (over: Partial<CovenantFact> = {}): CovenantFact => ({
  id: 'cv-1',
  organisationId: ORG,
  categories: ['identity', 'address', 'care_needs'],
  purposes: ['wmo-maatwerkvoorziening'],
  legalBasis: 'wmo-5.2.1-recipients',
  validFrom: '2026-01-01',
  validUntil: '2027-01-01',
  status: 'active',
  ...over,
});

const share = (over: Partial<ShareFacts> = {}): ShareFacts => ({
  organisationId: ORG,
  organisationKind: 'chain_partner',
  category: 'care_needs',
  taskCode: 'wmo-maatwerkvoorziening',
  day: '2026-06-01',
  ...over,
});

const rows: Array<{ name: string; covenants: CovenantFact[]; share: ShareFacts; permit: boolean; miss?: string }> = [
  { name: 'an active covenant covering the category and the task permits the share', covenants: [covenant()], share: share(), permit: true },
  { name: 'a partner without any covenant gets nothing', covenants: [], share: share(), permit: false, miss: 'none' },
  { name: 'a covenant with another organisation does not count', covenants: [covenant({ organisationId: 'o-other' })], share: share(), permit: false, miss: 'none' },
  { name: 'a category the covenant does not name is refused', covenants: [covenant()], share: share({ category: 'income' }), permit: false, miss: 'category' },
  { name: 'a purpose (task) the covenant does not name is refused', covenants: [covenant()], share: share({ taskCode: 'jeugd-hulp' }), permit: false, miss: 'purpose' },
  { name: 'an expired covenant is refused (the end day is exclusive)', covenants: [covenant()], share: share({ day: '2027-01-01' }), permit: false, miss: 'expired' },
  { name: 'a covenant that has not started is refused', covenants: [covenant({ validFrom: '2026-07-01' })], share: share(), permit: false, miss: 'not_yet_valid' },
  { name: 'a draft covenant is not yet in force', covenants: [covenant({ status: 'draft' })], share: share(), permit: false, miss: 'not_active' },
  { name: 'an ended covenant is no longer in force', covenants: [covenant({ status: 'ended' })], share: share(), permit: false, miss: 'not_active' },
  { name: 'a covenant resting on a basis the catalogue does not know is refused (fail closed)', covenants: [covenant({ legalBasis: 'made-up-basis' })], share: share(), permit: false, miss: 'unknown_basis' },
  { name: 'an open-ended covenant keeps covering', covenants: [covenant({ validUntil: null })], share: share({ day: '2031-01-01' }), permit: true },
  { name: 'an internal team needs no covenant', covenants: [], share: share({ organisationKind: 'municipal_team' }), permit: true },
  { name: 'an external body needs one like a partner does', covenants: [], share: share({ organisationKind: 'external_body' }), permit: false, miss: 'none' },
  { name: 'of two covenants the one that covers wins', covenants: [covenant({ id: 'cv-old', status: 'ended' }), covenant({ id: 'cv-new' })], share: share(), permit: true },
];

describe('checkCovenant', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_n, r) => {
    const d = checkCovenant(policy, r.covenants, r.share);
    expect(d.permit).toBe(r.permit);
    expect(d.rule).toBe('covenant-required');
    if (r.miss) expect(d.facts['miss']).toBe(r.miss);
  });

  it('the nearest miss explains the denial: the covenant that only lacks the category, not the ended one', () => {
    const d = checkCovenant(policy, [covenant({ id: 'cv-ended', status: 'ended' }), covenant({ id: 'cv-close' })], share({ category: 'income' }));
    expect(d.facts).toMatchObject({ covenant: 'cv-close', miss: 'category' });
  });

  it('a permit cites the covenant’s legal basis, and the explanation links its articles', () => {
    const d = checkCovenant(policy, [covenant()], share());
    const e = explain(policy, d);
    expect(e.rules.map((r) => r.id)).toEqual(['covenant-required', 'wmo-5.2.1-recipients']);
    expect(e.rules[1]!.articles.some((a) => a.url?.includes('BWBR0035362'))).toBe(true);
  });

  it('a denial is explained by the covenant rule, in Dutch and English', () => {
    const e = explain(policy, checkCovenant(policy, [], share()));
    const failed = e.rules.find((r) => r.outcome === 'failed')!;
    expect(failed.id).toBe('covenant-required');
    expect(failed.statementNl.length).toBeGreaterThan(20);
  });
});
