/**
 * My file (R5.2) and rights first (R5.1), through the real app: the resident sees their help requests,
 * the plan and their data per category with source and purpose; parents see their children's files by
 * the age rules; withheld parts are left out, and said to be withheld where that is allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentsWorld, type ResidentsWorld } from './support.ts';

let rw: ResidentsWorld;
beforeAll(async () => {
  rw = await residentsWorld();
});
afterAll(async () => rw?.close());

const reviewDate = () => new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

describe('rights first', () => {
  it('the rights are not marked as shown until the portal has shown them, and then they stay shown', async () => {
    const before = await rw.call('resident:stranger', 'GET', '/api/mijn/rights-notice');
    expect(before.status).toBe(200);
    expect(before.body.shownAt).toBeNull();
    const shown = await rw.call('resident:stranger', 'POST', '/api/mijn/rights-notice');
    expect(shown.status).toBe(200);
    const again = await rw.call('resident:stranger', 'POST', '/api/mijn/rights-notice');
    expect(again.body.shownAt).toBe(shown.body.shownAt);
    expect((await rw.call('resident:stranger', 'GET', '/api/mijn/rights-notice')).body.shownAt).toBe(shown.body.shownAt);
  });

  it('a professional has no rights notice to be shown', async () => {
    expect((await rw.call('director', 'GET', '/api/mijn/rights-notice')).status).toBe(403);
  });
});

describe('my file', () => {
  it('shows my help requests, the plan of my household and the data about me per category with source and purpose', async () => {
    const { status, body } = await rw.call('resident:adult', 'GET', '/api/mijn/file');
    expect(status).toBe(200);
    expect(body.subject).toMatchObject({ residentId: rw.residents.adult, isSelf: true });
    expect(body.me.identity.displayName).toBe('Anna Testers');
    expect(body.me.bsnMasked).toBe('*****2333');
    expect(body.helpRequests.map((h: { reference: string }) => h.reference).sort()).toEqual(['HV-T-1', 'HV-T-2', 'HV-T-4']);
    expect(body.plans).toHaveLength(1);
    const careNeeds = body.categories.find((c: { category: { code: string } }) => c.category.code === 'care_needs');
    expect(careNeeds.items[0]).toMatchObject({
      value: rw.w.values.careNeeds,
      source: { code: 'resident', nl: 'De inwoner zelf' },
      purpose: { reference: 'HV-T-1', task: { code: 'wmo-onderzoek' }, law: 'wmo2015', processingActivity: 'pa-wmo-onderzoek' },
    });
    // The partner's care record about me is mine to see too (AVG 15).
    expect(body.categories.some((c: { category: { code: string } }) => c.category.code === 'care_record')).toBe(true);
  });

  it('does not show data about another member of the household', async () => {
    const { body } = await rw.call('resident:adult', 'GET', '/api/mijn/file');
    const values = body.categories.flatMap((c: { items: Array<{ value: string }> }) => c.items.map((i) => i.value));
    expect(values).not.toContain(rw.w.values.jeugdHealth);
    expect(values).not.toContain(rw.w.values.criminalChild);
  });

  it('lists the children the parent may act for: under 16 only', async () => {
    const { body } = await rw.call('resident:adult', 'GET', '/api/mijn/file');
    const ids = body.represents.map((p: { residentId: string }) => p.residentId).sort();
    expect(ids).toEqual([rw.residents.young, rw.residents.teen].sort());
    expect(body.represents.find((p: { residentId: string }) => p.residentId === rw.residents.young).ageBand).toBe('under_12');
  });

  it('viewing my file is logged, under the portal, with me as the data subject', async () => {
    const before = await rw.count('processing_log', 'data_subject_id = $1', [rw.t.keyring.pseudonym(rw.residents.stranger)]);
    await rw.call('resident:stranger', 'GET', '/api/mijn/file');
    const rows = await rw.sql(
      `select a.purpose_code, a.actor_id from processing_log p join access_record a on a.log_id = p.id where p.data_subject_id = $1 order by p.id desc limit 1`,
      [rw.t.keyring.pseudonym(rw.residents.stranger)],
    );
    expect(await rw.count('processing_log', 'data_subject_id = $1', [rw.t.keyring.pseudonym(rw.residents.stranger)])).toBeGreaterThan(before);
    expect(rows[0]).toMatchObject({ purpose_code: 'portal', actor_id: rw.residents.stranger });
  });
});

describe('representatives (age rules)', () => {
  it('a parent sees the file of a child under 12', async () => {
    const { status, body } = await rw.call('resident:adult', 'GET', `/api/mijn/file?subject=${rw.residents.young}`);
    expect(status).toBe(200);
    expect(body.subject).toMatchObject({ residentId: rw.residents.young, isSelf: false, displayName: 'Saar Testers' });
    expect(body.categories.flatMap((c: { items: Array<{ value: string }> }) => c.items.map((i) => i.value))).toContain('Gezinssituatie van young');
  });

  it('a parent sees the file of a child of 14', async () => {
    const { status } = await rw.call('resident:adult', 'GET', `/api/mijn/file?subject=${rw.residents.teen}`);
    expect(status).toBe(200);
  });

  it('a parent does not see the file of a young person of 16: 404, and the denial is logged', async () => {
    const before = await rw.count('access_record', "decision = 'deny' and actor_id = $1", [rw.residents.adult]);
    const { status, body } = await rw.call('resident:adult', 'GET', `/api/mijn/file?subject=${rw.residents.older}`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('GATE.NOT_FOUND');
    expect(await rw.count('access_record', "decision = 'deny' and actor_id = $1", [rw.residents.adult])).toBe(before + 1);
  });

  it('the young person of 16 sees their own file', async () => {
    const { status, body } = await rw.call('resident:older', 'GET', '/api/mijn/file');
    expect(status).toBe(200);
    expect(body.categories.flatMap((c: { items: Array<{ value: string }> }) => c.items.map((i) => i.value))).toContain('Gezinssituatie van older');
  });

  it('guessing another resident’s id answers 404, as for an id that does not exist', async () => {
    const other = await rw.call('resident:adult', 'GET', `/api/mijn/file?subject=${rw.residents.stranger}`);
    const none = await rw.call('resident:adult', 'GET', '/api/mijn/file?subject=00000000-0000-4000-8000-000000000000');
    expect([other.status, other.body.error.code]).toEqual([404, 'GATE.NOT_FOUND']);
    expect([none.status, none.body.error.code]).toEqual([404, 'GATE.NOT_FOUND']);
  });
});

describe('withheld parts (Wmo 5.3.2, Jeugdwet 7.3.10, UAVG 41)', () => {
  it('a withheld item is left out, and the resident is told that something is withheld, why in general terms and until when', async () => {
    const restricted = await rw.call('director', 'POST', '/api/restrictions', {
      residentId: rw.residents.adult,
      helpRequestId: rw.w.helpRequests.wmo,
      objectIds: [rw.w.items.careNeeds],
      categories: [],
      appliesTo: 'all',
      reasonCode: 'third_party_privacy',
      reason: 'Bevat informatie over een buurvrouw die dit vertrouwelijk meldde.',
      discloseExistence: true,
      reviewOn: reviewDate(),
    });
    expect(restricted.status).toBe(201);
    const { body } = await rw.call('resident:adult', 'GET', '/api/mijn/file');
    const values = body.categories.flatMap((c: { items: Array<{ value: string }> }) => c.items.map((i) => i.value));
    expect(values).not.toContain(rw.w.values.careNeeds);
    expect(body.withheld).toEqual([{ reason: { code: 'third_party_privacy', nl: expect.any(String), en: expect.any(String) }, categories: [], records: 1, since: expect.any(String), reviewOn: reviewDate() }]);
    // The recorded reasoning names the other person: it never reaches the resident.
    expect(JSON.stringify(body)).not.toContain('buurvrouw');
  });

  it('a restriction on the resident still holds once it is filed under a household they are not in now', async () => {
    // The restriction of the test above, moved to the stranger's household: it is the resident's, not the household's.
    const [other] = await rw.sql(`select household_id from household_member where resident_id = $1 limit 1`, [rw.residents.stranger]);
    const [r] = await rw.sql(`select id, household_id from access_restriction where resident_id = $1 and reason_code = 'third_party_privacy'`, [rw.residents.adult]);
    expect(other!.household_id).not.toBe(r!.household_id);
    await rw.sql(`update access_restriction set household_id = $2 where id = $1`, [r!.id, other!.household_id]);
    try {
      const { body } = await rw.call('resident:adult', 'GET', '/api/mijn/file');
      const values = body.categories.flatMap((c: { items: Array<{ value: string }> }) => c.items.map((i) => i.value));
      expect(values).not.toContain(rw.w.values.careNeeds);
      expect(body.withheld.map((w: { reason: { code: string } }) => w.reason.code)).toEqual(['third_party_privacy']);
    } finally {
      await rw.sql(`update access_restriction set household_id = $2 where id = $1`, [r!.id, r!.household_id]);
    }
  });

  it('when saying so would itself cause harm, the withheld category is silently left out', async () => {
    await rw.call('director', 'POST', '/api/restrictions', {
      residentId: rw.residents.adult,
      helpRequestId: rw.w.helpRequests.pw,
      objectIds: [],
      categories: ['income'],
      appliesTo: 'all',
      reasonCode: 'veilig_thuis_investigation',
      reason: 'Lopend onderzoek.',
      discloseExistence: false,
      reviewOn: reviewDate(),
    });
    const { body } = await rw.call('resident:adult', 'GET', '/api/mijn/file');
    expect(body.categories.some((c: { category: { code: string } }) => c.category.code === 'income')).toBe(false);
    expect(body.withheld.some((w: { reason: { code: string } }) => w.reason.code === 'veilig_thuis_investigation')).toBe(false);
  });

  it('a restriction in the child’s interest keeps the parent out of that part, not the child', async () => {
    const made = await rw.call('director', 'POST', '/api/restrictions', {
      residentId: rw.residents.teen,
      helpRequestId: rw.w.helpRequests.jeugd,
      objectIds: [],
      categories: ['family_situation'],
      appliesTo: 'representatives',
      reasonCode: 'child_interest',
      reason: 'Tim wil niet dat zijn ouders dit lezen.',
      discloseExistence: true,
      reviewOn: reviewDate(),
    });
    expect(made.status).toBe(201);
    const parent = await rw.call('resident:adult', 'GET', `/api/mijn/file?subject=${rw.residents.teen}`);
    expect(parent.body.categories.some((c: { category: { code: string } }) => c.category.code === 'family_situation')).toBe(false);
    expect(parent.body.withheld.map((w: { reason: { code: string } }) => w.reason.code)).toContain('child_interest');
    const child = await rw.call('resident:teen', 'GET', '/api/mijn/file');
    expect(child.body.categories.some((c: { category: { code: string } }) => c.category.code === 'family_situation')).toBe(true);
    expect(child.body.withheld).toEqual([]);
  });
});
