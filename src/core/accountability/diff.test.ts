import { describe, expect, it } from 'vitest';
import { catalogueCopy, CATALOGUE_2026_1 } from '../policy/catalogue-fixture.ts';
import { validateCatalogue } from '../policy/catalogue-validate.ts';
import { compareCatalogueVersions, diffCatalogues, diffRecords, nextCatalogueVersion, startNextCatalogue } from './diff.ts';

describe('the structured diff of two catalogue versions', () => {
  it('a new version that changes nothing but its number and date shows only that', () => {
    const next = startNextCatalogue(CATALOGUE_2026_1, '2026.2', '2026-07-01');
    const d = diffCatalogues(CATALOGUE_2026_1, next);
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ section: 'catalogue', kind: 'changed' });
    expect(d.changes[0]!.fields.map((f) => f.field)).toEqual(['effectiveFrom', 'version']);
  });

  it('the copy for a new version still validates', () => {
    expect(() => validateCatalogue(startNextCatalogue(CATALOGUE_2026_1, '2026.2', '2026-07-01'))).not.toThrow();
  });

  it('a changed retention period shows the field, its old and its new value', () => {
    const next = startNextCatalogue(CATALOGUE_2026_1, '2026.2', '2026-07-01');
    next.retentionClasses.find((c) => c.code === 'wmo')!.period = 'P10Y';
    const change = diffCatalogues(CATALOGUE_2026_1, next).changes.find((c) => c.section === 'retentionClasses');
    expect(change).toEqual({ section: 'retentionClasses', key: 'wmo', kind: 'changed', fields: [{ field: 'period', before: 'P15Y', after: 'P10Y' }] });
  });

  it('an added and a removed entry are named by their key', () => {
    const next = startNextCatalogue(CATALOGUE_2026_1, '2026.2', '2026-07-01');
    next.recipientLists = next.recipientLists.filter((r) => r.law !== 'wmo2015');
    next.processingActivities.push({ ...next.processingActivities[0]!, code: 'pa-new' });
    const d = diffCatalogues(CATALOGUE_2026_1, next);
    expect(d.changes.find((c) => c.key === 'wmo2015')?.kind).toBe('removed');
    expect(d.changes.find((c) => c.key === 'pa-new')?.kind).toBe('added');
    expect(d.summary['processingActivities']).toEqual({ added: 1 });
  });

  it('a flow is keyed by its two laws', () => {
    const next = catalogueCopy();
    next.flows.find((f) => f.from === 'pw' && f.to === 'wgs')!.condition = 'explicit_consent';
    expect(diffCatalogues(CATALOGUE_2026_1, next).changes.map((c) => c.key)).toEqual(['pw>wgs']);
  });

  it('a rule whose own date is later than the catalogue keeps it and shows it', () => {
    const next = startNextCatalogue(CATALOGUE_2026_1, '2026.2', '2026-07-01');
    next.rules[0]!.effectiveFrom = '2026-09-01';
    const change = diffCatalogues(CATALOGUE_2026_1, next).changes.find((c) => c.section === 'rules');
    expect(change?.fields).toEqual([{ field: 'effectiveFrom', before: null, after: '2026-09-01' }]);
  });

  it('a covenant diff lists the fields that changed', () => {
    const d = diffRecords({ title: 'A', categories: ['identity'], valid_until: null }, { title: 'A', categories: ['identity', 'address'], valid_until: '2027-01-01' }, { section: 'covenant', key: 'c1', from: '1', to: '2' });
    expect(d.changes[0]!.fields.map((f) => f.field)).toEqual(['categories', 'valid_until']);
  });
});

describe('catalogue version numbers', () => {
  it.each([
    ['2026.1', '2026-07-01', '2026.2'],
    ['2026.9', '2026-12-01', '2026.10'],
    ['2026.3', '2027-03-01', '2027.1'],
  ])('after %s effective %s comes %s', (cur, date, next) => expect(nextCatalogueVersion(cur, date)).toBe(next));

  it('compares numerically, not as text', () => {
    expect(compareCatalogueVersions('2026.10', '2026.9')).toBeGreaterThan(0);
    expect(compareCatalogueVersions('2026.1', '2027.1')).toBeLessThan(0);
  });
});
