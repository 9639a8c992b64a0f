/**
 * The console API over HTTP with real sessions: who may call what (staff roles; the gate behind it),
 * the formats (JSON, CSV, PDF, the LDV read format), and four eyes through the routes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/policy/actor.ts';
import { openSessions, trainingSandbox } from '../../src/data/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertWorld, type World } from '../support/world.ts';
import { cookieNames } from '../../src/server/auth/cookies.ts';

let t: TestApp;
let w: World;
const staff = { admin: randomUUID(), archivist: randomUUID() };
const headers: Record<string, Record<string, string>> = {};

async function session(name: string, actor: Extract<Actor, { kind: 'professional' }>): Promise<void> {
  const s = await openSessions(t.store, t.config.session).create(actor, { now: new Date() });
  headers[name] = { cookie: `${cookieNames(t.config).session}=${s.token}`, 'x-csrf-token': s.csrfToken };
}

const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  w = await insertWorld(t);
  for (const [id, name, role] of [
    [staff.admin, 'Beheerder', 'functional_admin'],
    [staff.archivist, 'Archivaris', 'archivist'],
  ] as const) {
    await t.ownerSql(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, $3, 'test', $4)`, [id, w.organisations.team, name, [role]]);
  }
  const p = (id: string, roles: Array<'professional' | 'privacy_officer' | 'functional_admin' | 'archivist'>) => ({ kind: 'professional' as const, id, organisationId: w.organisations.team, roles, displayName: 'test' });
  await session('officer', p(w.professionals.officer, ['privacy_officer']));
  await session('admin', p(staff.admin, ['functional_admin']));
  await session('archivist', p(staff.archivist, ['archivist']));
  await session('director', p(w.professionals.director, ['professional']));
  // The training municipality is created on first use (a PGlite initdb, slow on a busy machine): now.
  await trainingSandbox(t.store);
}, 300_000);
afterAll(async () => t.close());

const get = (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: who ? headers[who] : {} });
const post = (url: string, who: string, payload?: unknown) => t.app.inject({ method: 'POST', url, headers: headers[who], payload: payload as object });

describe('who may use the console', () => {
  it('each console role sees what it may do', async () => {
    const officer = (await get('/api/console/me', 'officer')).json();
    expect(officer.capabilities).toEqual(expect.arrayContaining(['log.review', 'access_review.decide', 'policy.decide']));
    const archivist = (await get('/api/console/me', 'archivist')).json();
    expect(archivist.capabilities).toContain('retention.sign_off');
    expect(archivist.capabilities).not.toContain('log.review');
  });

  it.each([
    ['/api/console/register', 'director', 403, 'AUTH.ROLE_REQUIRED'],
    ['/api/console/register', undefined, 401, 'AUTH.REQUIRED'],
    ['/api/console/access-reviews', 'admin', 403, 'AUTH.ROLE_REQUIRED'],
    ['/api/console/log/integrity', 'archivist', 403, 'AUTH.ROLE_REQUIRED'],
  ])('GET %s as %s → %i %s', async (url, who, status, code) => {
    const res = await get(url, who);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });
});

describe('the page guard of /toezicht', () => {
  it.each([
    ['/toezicht', 'director', '/werkplek'],
    ['/toezicht/register', 'director', '/werkplek'],
    ['/toezicht', undefined, '/auth/staff/login?terug=%2Ftoezicht'],
  ])('GET %s as %s goes to %s', async (url, who, location) => {
    const res = await get(url, who);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(location);
  });

  it('a console role gets the console; every professional gets the training page', async () => {
    for (const [url, who] of [
      ['/toezicht/logboek', 'officer'],
      ['/toezicht/bewaartermijnen', 'archivist'],
      ['/toezicht/oefenen', 'director'],
    ] as const) {
      const res = await get(url, who);
      // 200 with the built app, 503 when the web apps are not built: never a redirect elsewhere.
      expect([200, 503], url).toContain(res.statusCode);
    }
  });
});

describe('the register', () => {
  it('exports as JSON in the LDV register shape', async () => {
    const res = await get('/api/console/register/export', 'archivist');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/verwerkingsregister-.*\.json/);
    const body = res.json();
    expect(body.processingActivities.find((a: { code: string }) => a.code === 'pa-oversight')).toMatchObject({ active: true, latestVersion: 1, versionInForce: 1 });
  });

  it('exports as CSV, one row per version', async () => {
    const res = await get('/api/console/register/export?format=csv', 'admin');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\r\n')[0]).toBe('\uFEFFcode,version,state,valid_from,name,purpose,legal_basis,categories,data_subjects,recipients,retention,measures,id');
  });
});

describe('four eyes through the routes', () => {
  it('the proposer is refused; a second person approves and it is in force at once', async () => {
    const created = await post('/api/console/register/proposals', 'admin', {
      code: 'pa-oversight',
      name: 'Oversight, complaints and accountability',
      purpose: 'Toezicht op de verwerking, klachten en verantwoording aan de raad.',
      legalBasis: 'AVG art. 6(1)(c) with AVG art. 5(2), 30, 38–39 and 77; Awb chapter 9.',
      categories: ['identity', 'case', 'involvement'],
      dataSubjects: ['residents', 'staff'],
      recipients: [],
      retention: 'Retention class complaint (5 years).',
      measures: 'FG only; logged.',
      effectiveFrom: today,
      reason: 'Doel in het Nederlands',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const own = await post(`/api/console/proposals/${id}/decision`, 'admin', { decision: 'approve' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('PROPOSAL.FOUR_EYES');
    const ok = await post(`/api/console/proposals/${id}/decision`, 'officer', { decision: 'approve', note: 'akkoord' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('in_force');
    const versions = (await get('/api/console/catalogue/versions', 'archivist')).json().versions;
    expect(versions.find((v: { inForce: boolean }) => v.inForce).version).toBe('2026.2');
  });

  it('an unknown field in a proposal is refused before anything runs', async () => {
    const res = await post('/api/console/proposals/covenant', 'admin', { nonsense: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REQUEST.INVALID');
  });
});

describe('log review over HTTP', () => {
  it('a BSN goes in the body of a POST and finds the resident’s entries', async () => {
    await t.app.inject({ method: 'GET', url: `/api/households/${w.households.main}`, headers: headers['director'] });
    const res = await post('/api/console/log/search', 'officer', { bsn: w.adultBsn });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
  });

  it('the LDV export is a download of ProcessingActivity items', async () => {
    const res = await post('/api/console/log/export-ldv', 'officer', { residentId: w.residents.adult });
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.json().processingActivities[0].attributes['dpl.core.processing_activity_id']).toMatch(/^urn:/);
  });

  it('verification and a checkpoint from the console', async () => {
    expect((await post('/api/console/log/checkpoint', 'admin')).statusCode).toBe(201);
    const v = await post('/api/console/log/verify', 'officer');
    expect(v.statusCode).toBe(200);
    expect(v.json().verification.ok).toBe(true);
    expect((await get('/api/console/log/integrity', 'admin')).json().lastVerification.ok).toBe(true);
  });
});

describe('the council report', () => {
  it('as JSON with suppressed counts, as CSV and as PDF', async () => {
    const json = await get(`/api/console/report/council?from=2020-01-01&to=${today}`, 'admin');
    expect(json.statusCode).toBe(200);
    expect(json.json().sections[0].rows[0].cells[0].shown.label).toBe('<5');
    const csv = await get(`/api/console/report/council.csv?from=2020-01-01&to=${today}&lang=en`, 'archivist');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('Help requests per domain');
    const pdf = await get(`/api/console/report/council.pdf?from=2020-01-01&to=${today}`, 'officer');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a period that ends before it starts is refused', async () => {
    const res = await get('/api/console/report/council?from=2026-05-01&to=2026-04-01', 'admin');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REPORT.INVALID_PERIOD');
  });
});

describe('retention over HTTP', () => {
  it('a dry run, the sign-off by the archivist, and the execution', async () => {
    const run = await post('/api/console/retention/runs', 'admin');
    expect(run.statusCode).toBe(201);
    const id = run.json().id;
    expect((await post(`/api/console/retention/runs/${id}/execute`, 'archivist')).json().error.code).toBe('RETENTION.NOT_SIGNED_OFF');
    const signed = await post(`/api/console/retention/runs/${id}/sign-off`, 'archivist', { decision: 'sign_off' });
    expect(signed.json().status).toBe('signed_off');
    const done = await post(`/api/console/retention/runs/${id}/execute`, 'archivist');
    expect(done.json()).toMatchObject({ status: 'executed', result: { destroyed: 0 } });
  });
});

describe('the training sandbox over HTTP', () => {
  it('any professional gets fictitious cases and the gate’s explanation for a choice', async () => {
    const cases = await get('/api/training/cases', 'director');
    expect(cases.statusCode).toBe(200);
    const kase = cases.json().cases[0];
    const hr = kase.helpRequests[0];
    const res = await post('/api/training/decide', 'director', { householdId: kase.householdId, purposeHelpRequestId: hr.id, role: 'case_worker', action: 'read', residentId: hr.residentId, category: 'identity', source: 'brp' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ decision: 'permit', logged: { name: 'training.decide' } });
    expect(res.json().steps).toHaveLength(6);
  });
});
