/**
 * Reference data from the rules catalogue (R10.4, R10.2): idempotent, one transaction, versioned
 * register entries with stable ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/core/policy/catalogue.ts';
import { loadReferenceData } from '../../src/data/index.ts';
import { canonicalJson, catalogueSha256, processingActivityId, readNewestCatalogue } from '../../src/data/reference.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

/** A deliberately small catalogue: one domain, two tasks, one register entry. */
function fixture(version = '2099.1'): Catalogue {
  return {
    version,
    effectiveFrom: '2099-01-01',
    laws: [{ code: 'wmo2015', name: 'Wmo 2015', title: 'Wet maatschappelijke ondersteuning 2015', bwb: 'BWBR0035362' }],
    rules: [],
    categories: [],
    sources: [],
    domains: [{ code: 'wmo', nl: 'Wmo', en: 'Social support', law: 'wmo2015' }],
    tasks: [
      { code: 'wmo-onderzoek', domain: 'wmo', nl: 'Onderzoek', en: 'Assessment', law: 'wmo2015', legalSource: { law: 'wmo2015', article: '2.3.2' }, avg6Ground: 'e', basisRule: 'wmo-5.1.1-scope', specialCategories: [], processingActivity: 'pa-test' },
      { code: 'wmo-test', domain: 'wmo', nl: 'Test', en: 'Test', law: 'wmo2015', legalSource: { law: 'wmo2015', article: '2.3.5', lid: '3' }, avg6Ground: 'e', basisRule: 'wmo-5.1.1-scope', specialCategories: [], processingActivity: 'pa-test' },
    ],
    flows: [],
    secrecyOrigins: [],
    retentionClasses: [],
    recipientLists: [],
    roles: [],
    processingActivities: [
      { code: 'pa-test', name: 'Test', purpose: 'Testing the register', legalBasis: 'AVG art. 6(1)(e)', categories: ['identity'], dataSubjects: ['residents'], recipients: [], retention: '1 year', measures: 'none' },
    ],
  };
}

describe('the shipped catalogue', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(async () => t?.close());

  it('is stored with the SHA-256 of its canonical JSON, and loading it again changes nothing', async () => {
    const shipped = readNewestCatalogue();
    const again = await loadReferenceData(t.store);
    expect(again).toMatchObject({ version: shipped.version, catalogue: 'unchanged', processingActivities: { inserted: 0 } });
    const [row] = await t.ownerSql('select sha256, effective_from::text as from, content from rule_catalogue where version = $1', [shipped.version]);
    expect(row!.sha256).toBe(catalogueSha256(shipped));
    expect(row!.from).toBe(shipped.effectiveFrom);
    expect(canonicalJson(row!.content)).toBe(canonicalJson(shipped));
  });

  it('fills domains, tasks with their legal source, and the register with stable ids', async () => {
    const tasks = await t.ownerSql("select code, domain_code, legal_source from municipal_task where active order by code");
    expect(tasks.map((r) => r.code)).toContain('wmo-maatwerkvoorziening');
    expect(tasks.find((r) => r.code === 'wmo-onderzoek')).toMatchObject({ domain_code: 'wmo', legal_source: 'Wmo 2015 art. 2.3.2' });
    const domains = await t.ownerSql('select code from domain where active order by sort');
    expect(domains.map((r) => r.code)).toEqual(['jeugd', 'wmo', 'werk_inkomen', 'schuldhulp']);
    const activities = await t.ownerSql('select id, code, version from processing_activity');
    expect(activities.length).toBe(readNewestCatalogue().processingActivities.length);
    for (const a of activities) expect(a.id).toBe(processingActivityId(String(a.code), Number(a.version)));
  });
});

describe('a catalogue passed in', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(async () => t?.close());

  it('is inserted once and then left unchanged', async () => {
    expect(await loadReferenceData(t.store, fixture(), { validate: false })).toMatchObject({ catalogue: 'inserted', processingActivities: { inserted: 1, unchanged: 0 } });
    expect(await loadReferenceData(t.store, fixture(), { validate: false })).toMatchObject({ catalogue: 'unchanged', processingActivities: { inserted: 0, unchanged: 1 } });
    const [task] = await t.ownerSql("select legal_source, active from municipal_task where code = 'wmo-test'");
    expect(task).toEqual({ legal_source: 'Wmo 2015 art. 2.3.5 lid 3', active: true });
  });

  it('deactivates tasks it no longer has, without deleting them', async () => {
    const [gone] = await t.ownerSql("select active from municipal_task where code = 'pw-levensonderhoud'");
    expect(gone).toEqual({ active: false });
  });

  it('turns a changed register entry into a new version and keeps the old one', async () => {
    const changed = fixture();
    changed.processingActivities[0]!.purpose = 'Testing the register, now with a narrower purpose';
    expect(await loadReferenceData(t.store, changed, { validate: false })).toMatchObject({ catalogue: 'updated', processingActivities: { inserted: 1 } });
    const rows = await t.ownerSql("select id, version, purpose from processing_activity where code = 'pa-test' order by version");
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(rows[1]!.id).toBe(processingActivityId('pa-test', 2));
    expect(rows[0]!.purpose).toBe('Testing the register');
  });

  it('is loaded in one transaction: a broken one leaves nothing behind', async () => {
    const broken = fixture('2099.2');
    broken.tasks[0]!.domain = 'no_such_domain';
    await expect(loadReferenceData(t.store, broken, { validate: false })).rejects.toThrow();
    expect(await t.ownerSql("select version from rule_catalogue where version = '2099.2'")).toHaveLength(0);
  });

  it('is validated unless the caller says it is a partial fixture', async () => {
    await expect(loadReferenceData(t.store, fixture('2099.3'))).rejects.toThrow(/invalid/);
  });
});
