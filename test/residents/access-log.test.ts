/**
 * Who viewed my data (R5.3): from the processing log, per period, paged, exportable; names per the
 * municipality's setting (ACCESS_LOG_SHOW_NAMES); looking is itself logged; restricted parts stay out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../../src/core/log/entry.ts';
import { appendEntries } from '../../src/data/log/writer.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { residentsWorld, type ResidentsWorld } from './support.ts';

let rw: ResidentsWorld;
beforeAll(async () => {
  rw = await residentsWorld();
  // The director opens the household: a permitted read of the adult's data under a help request.
  expect((await rw.call('director', 'GET', `/api/households/${rw.w.households.main}`)).status).toBe(200);
  // Someone not involved tries: a denial, which is not "viewing".
  expect((await rw.call('stranger', 'GET', `/api/households/${rw.w.households.main}`)).status).toBe(404);
});
afterAll(async () => rw?.close());

type Entry = { actor: { kind: string; name: string | null; functionTitle: string | null; organisation: string | null; isViewer: boolean }; purpose: { kind: string; helpRequestReference: string | null; task: { code: string } | null }; categories: Array<{ code: string }>; at: string };

describe('who viewed my data', () => {
  it('lists when, which organisation and function, the name, and for which help request the director viewed my data', async () => {
    const { status, body } = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?pageSize=100');
    expect(status).toBe(200);
    expect(body.showsNames).toBe(true);
    const director = (body.entries as Entry[]).find((e) => e.actor.kind === 'professional' && e.actor.name === 'Regisseur Test');
    expect(director).toBeDefined();
    expect(director!.actor).toMatchObject({ organisation: 'Sociaal Wijkteam Test', functionTitle: 'test' });
    expect(director!.purpose.kind).toBe('help_request');
    expect(['HV-T-1', 'HV-T-2', 'HV-T-4', null]).toContain(director!.purpose.helpRequestReference);
    expect(director!.categories.length).toBeGreaterThan(0);
  });

  it('does not list denied attempts: nobody saw anything', async () => {
    const { body } = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?pageSize=100');
    expect((body.entries as Entry[]).some((e) => e.actor.name === 'Andere Consulent')).toBe(false);
  });

  it('looking is itself logged: the next look shows the previous one, as mine, under the portal', async () => {
    await rw.call('resident:adult', 'GET', '/api/mijn/access-log');
    const { body } = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?pageSize=100');
    const mine = (body.entries as Entry[]).filter((e) => e.actor.kind === 'subject' && e.actor.isViewer && e.purpose.kind === 'portal');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.some((e) => e.categories.some((c) => c.code === 'involvement'))).toBe(true);
  });

  it('filters by period: a period before anything happened is empty', async () => {
    const { status, body } = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?from=2020-01-01&to=2020-12-31');
    expect(status).toBe(200);
    expect(body).toMatchObject({ period: { from: '2020-01-01', to: '2020-12-31' }, total: 0, entries: [] });
  });

  it('pages: page 2 of size 1 is the second newest entry', async () => {
    const all = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?pageSize=100');
    const second = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?page=2&pageSize=1');
    expect(second.body.entries).toHaveLength(1);
    expect(second.body.total).toBeGreaterThanOrEqual(2);
    // The first request itself added an entry on top, so page 2 now holds what was the newest.
    expect(second.body.entries[0].at <= all.body.entries[0].at).toBe(true);
  });

  it('refuses an impossible period with PERIOD.INVALID, and a malformed one with REQUEST.INVALID', async () => {
    const reversed = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?from=2026-05-01&to=2026-04-01');
    expect([reversed.status, reversed.body.error.code]).toEqual([400, 'PERIOD.INVALID']);
    const malformed = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?from=gisteren');
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'REQUEST.INVALID']);
  });

  it('exports as JSON and as CSV', async () => {
    const json = await rw.call('resident:adult', 'GET', '/api/mijn/access-log/export?format=json');
    expect(json.status).toBe(200);
    expect(String(json.headers['content-disposition'])).toMatch(/attachment; filename="wie-bekeek-mijn-gegevens-.*\.json"/);
    expect(json.body.entries.length).toBeGreaterThan(0);
    const csv = await rw.call('resident:adult', 'GET', '/api/mijn/access-log/export?format=csv');
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    const lines = csv.raw.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('tijdstip;wie;naam;functie;organisatie;doel;hulpvraag;taak;soorten gegevens;handeling');
    expect(lines.some((l) => l.includes('Regisseur Test') && l.includes('Sociaal Wijkteam Test'))).toBe(true);
  });

  it('a parent sees who viewed the data of a child under 12, not of a young person of 16', async () => {
    const young = await rw.call('resident:adult', 'GET', `/api/mijn/access-log?subject=${rw.residents.young}`);
    expect(young.status).toBe(200);
    const older = await rw.call('resident:adult', 'GET', `/api/mijn/access-log?subject=${rw.residents.older}`);
    expect([older.status, older.body.error.code]).toEqual([404, 'GATE.NOT_FOUND']);
  });

  it('another resident’s log by id guessing is 404, also as an export', async () => {
    const log = await rw.call('resident:adult', 'GET', `/api/mijn/access-log?subject=${rw.residents.stranger}`);
    const exp = await rw.call('resident:adult', 'GET', `/api/mijn/access-log/export?format=csv&subject=${rw.residents.stranger}`);
    expect([log.status, exp.status]).toEqual([404, 404]);
  });

  it('entries about a withheld record are left out of the log', async () => {
    // The provider read the care record (its own) — make that the only thing withheld, then look.
    const restricted = await rw.call('director', 'POST', '/api/restrictions', {
      residentId: rw.residents.adult,
      helpRequestId: rw.w.helpRequests.wmo,
      objectIds: [],
      categories: ['care_needs', 'care_record'],
      appliesTo: 'all',
      reasonCode: 'safety_of_others',
      reason: 'Test',
      discloseExistence: false,
      reviewOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(restricted.status).toBe(201);
    const { body } = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?pageSize=100');
    const codes = (body.entries as Entry[]).flatMap((e) => e.categories.map((c) => c.code));
    expect(codes).not.toContain('care_needs');
    expect(codes).not.toContain('care_record');
    // Withheld entries are left out before counting and paging: the count is what the pages hold, and a
    // page of one is never empty inside the count.
    const all = (await rw.call('resident:adult', 'GET', '/api/mijn/access-log?pageSize=100')).body;
    expect(all.total).toBe(all.entries.length);
    const last = (await rw.call('resident:adult', 'GET', `/api/mijn/access-log?pageSize=1&page=${all.total + 1}`)).body;
    expect(last.total).toBe(all.total + 1); // the look before this one is itself an entry now
    expect(last.entries).toHaveLength(1);
  });
});

describe('names in the log are a setting (ACCESS_LOG_SHOW_NAMES)', () => {
  it('with names off, the resident sees function and organisation but no name', async () => {
    const off = await residentsWorld({ ACCESS_LOG_SHOW_NAMES: 'false' });
    try {
      expect((await off.call('director', 'GET', `/api/households/${off.w.households.main}`)).status).toBe(200);
      const { body } = await off.call('resident:adult', 'GET', '/api/mijn/access-log?pageSize=100');
      expect(body.showsNames).toBe(false);
      const professionals = (body.entries as Entry[]).filter((e) => e.actor.kind === 'professional');
      expect(professionals.length).toBeGreaterThan(0);
      expect(professionals.every((e) => e.actor.name === null && e.actor.organisation === 'Sociaal Wijkteam Test')).toBe(true);
      expect(JSON.stringify(body)).not.toContain('Regisseur Test');
    } finally {
      await off.close();
    }
  });
});

describe('who viewed my data, for a resident whose log is long', () => {
  it('counts up to 1,000 and says there are more; a shorter period counts exactly; the export counts up to 10,000', async () => {
    // 1,100 permitted reads of the adult's data on two days in 2021 (600 and 500), through the real writer.
    const { database, keyring, config, gateEnv } = storeInternals(rw.t.store);
    const subject = keyring.pseudonym(rw.w.residents.adult);
    const day = Date.UTC(2021, 4, 3, 9);
    const entries: LogEntry[] = Array.from({ length: 1100 }, (_, i) => ({
      traceId: randomUUID().replace(/-/g, ''),
      spanId: randomUUID().slice(0, 16),
      parentSpanId: null,
      name: 'household.read',
      startTime: new Date(day + (i < 600 ? 0 : 86_400_000) + i * 1000),
      endTime: new Date(day + (i < 600 ? 0 : 86_400_000) + i * 1000 + 5),
      statusCode: STATUS_OK,
      processingActivityId: gateEnv.activityId('pa-wmo-onderzoek'),
      dataSubjectId: subject,
      dataSubjectIdType: SUBJECT_ID_TYPE,
      actorKind: 'professional',
      actorId: rw.w.professionals.director,
      actorRole: 'professional',
      organisationId: rw.w.organisations.team,
      purposeHelpRequestId: rw.w.helpRequests.wmo,
      purposeCode: 'help_request',
      action: 'read',
      objectType: 'household',
      objectId: rw.w.households.main,
      categories: ['identity'],
      decision: 'permit',
      ruleIds: ['involvement-required'],
      ruleVersion: '2026.1',
    }));
    await database.db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, config.log.chains, entries));
    const year = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?from=2021-01-01&to=2021-12-31');
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ total: 1000, totalCapped: true });
    expect(year.body.entries).toHaveLength(25);
    const oneDay = await rw.call('resident:adult', 'GET', '/api/mijn/access-log?from=2021-05-03&to=2021-05-03');
    expect(oneDay.body).toMatchObject({ total: 600, totalCapped: false });
    const exported = await rw.call('resident:adult', 'GET', '/api/mijn/access-log/export?from=2021-01-01&to=2021-12-31&format=json');
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ total: 1100, totalCapped: false, truncated: false });
    expect(exported.body.entries).toHaveLength(1100);
  });
});
