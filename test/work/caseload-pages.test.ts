/**
 * The caseload a page at a time (issue 8: at city scale a professional has hundreds of households, and
 * reading and logging every member of each on every visit to the start page cost seconds). Pages follow
 * each other in reference order without gaps or repeats, and a page reads — and logs — only its own
 * households. A row names only the persons its help requests concern (data minimisation, and half the
 * log entries per visit at city scale); the household page shows the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Actor } from '../../src/core/policy/actor.ts';
import { newTrace, seedMunicipality, type CaseloadPage } from '../../src/data/index.ts';
import { caseloadPageSize } from '../../src/data/repository/households.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

let t: TestStore;
let busiest: Actor;
let households: number;

beforeAll(async () => {
  t = await createTestStore();
  await seedMunicipality(t.store, { residents: 3000, seed: 11 });
  const { database } = storeInternals(t.store);
  const row = (
    await sql<{ id: string; organisation_id: string; n: number }>`
      select p.id, p.organisation_id, count(distinct i.household_id)::int as n from involvement i join professional p on p.id = i.professional_id
      where i.valid_from <= now() and (i.valid_until is null or i.valid_until > now()) group by 1, 2 order by n desc limit 1`.execute(database.db)
  ).rows[0]!;
  busiest = { kind: 'professional', id: row.id, organisationId: row.organisation_id, roles: ['professional'], displayName: 'test' };
  households = row.n;
});
afterAll(async () => t.close());

/** Entries in the processing log. */
const count = async () => Number((await t.ownerSql('select count(*)::int as n from processing_log'))[0]!.n);
const caseload = (page: { after?: string; limit?: number } = {}) => t.store.repository({ actor: busiest, trace: newTrace(), now: new Date() }).caseload(page);

describe('the caseload, a page at a time', () => {
  it('pages follow each other in reference order, without gaps or repeats, until next is null', async () => {
    expect(households).toBeGreaterThan(10);
    const whole = await caseload({ limit: 100 });
    expect(whole.total).toBe(households);
    const seen: string[] = [];
    let page: CaseloadPage = await caseload({ limit: 4 });
    for (let i = 0; i < 100; i++) {
      expect(page.households.length).toBeLessThanOrEqual(4);
      expect(page.total).toBe(households);
      seen.push(...page.households.map((h) => h.reference));
      if (page.next === null) break;
      expect(page.next).toBe(page.households[page.households.length - 1]!.reference);
      page = await caseload({ after: page.next, limit: 4 });
    }
    expect(page.next).toBeNull();
    expect(seen).toEqual(whole.households.map((h) => h.reference));
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    // Past the last household: an empty page that still counts them all (page and count are one statement).
    expect(await caseload({ after: seen[seen.length - 1]!, limit: 4 })).toEqual({ households: [], total: households, next: null });
    expect(await caseload({ after: '\uffff', limit: 4 })).toEqual({ households: [], total: households, next: null });
  });

  it('a page holds 25 households unless asked, never more than 100', async () => {
    expect([caseloadPageSize(undefined), caseloadPageSize(1), caseloadPageSize(100), caseloadPageSize(1000), caseloadPageSize(0)]).toEqual([25, 1, 100, 100, 1]);
    expect((await caseload({ limit: 7 })).households.length).toBe(7);
  });

  it('a row names only the persons its help requests concern, and the page logs only them', async () => {
    const before = await count();
    const whole = await caseload({ limit: 100 });
    const written = (await count()) - before;
    const { database } = storeInternals(t.store);
    const ids = whole.households.map((h) => h.householdId);
    const living = (
      await sql<{ n: number }>`select count(*)::int as n from household_member where household_id in (${sql.join(ids)})`.execute(database.db)
    ).rows[0]!.n;
    const shown = whole.households.reduce((n, h) => n + h.members.length, 0);
    const requests = whole.households.reduce((n, h) => n + h.helpRequests.length, 0);
    const concerned = new Set(whole.households.flatMap((h) => h.helpRequests.map((r) => r.residentId)));
    for (const h of whole.households) {
      const theirs = new Set(h.helpRequests.map((r) => r.residentId));
      expect(h.members.every((m) => theirs.has(m.id) && m.identity !== undefined)).toBe(true);
      expect(h.members.length).toBe(theirs.size);
    }
    // Members without a help request on the page exist, and are neither shown nor logged.
    expect(living).toBeGreaterThan(shown);
    expect(written).toBeGreaterThanOrEqual(concerned.size);
    expect(written).toBeLessThanOrEqual(requests);
    expect(written).toBeLessThan(living);
  });

  it('a page logs the persons of its own households only', async () => {
    const before = await count();
    const one = await caseload({ limit: 1 });
    const afterOne = await count();
    const all = await caseload({ limit: 100 });
    const afterAll = await count();
    const members = (p: CaseloadPage) => p.households.reduce((n, h) => n + h.members.length, 0);
    expect(afterOne - before).toBeLessThanOrEqual(members(one) + 1);
    expect(afterOne - before).toBeLessThan(afterAll - afterOne);
    expect(afterAll - afterOne).toBeGreaterThanOrEqual(members(all));
  });
});

describe('involvement notices, a page at a time (newest first)', () => {
  const notices = (page: { before?: string; limit?: number } = {}) => t.store.repository({ actor: busiest, trace: newTrace(), now: new Date() }).work.notices(page);

  it('pages follow each other newest first, without gaps or repeats, until next is null', async () => {
    const whole = await notices({ limit: 100 });
    expect(whole.notices.length).toBeGreaterThan(3);
    expect(whole.next).toBeNull();
    const seen: string[] = [];
    let page = await notices({ limit: 2 });
    for (let i = 0; i < 100 && page.notices.length > 0; i++) {
      seen.push(...page.notices.map((n) => n.id));
      if (page.next === null) break;
      page = await notices({ before: page.next, limit: 2 });
    }
    expect(seen).toEqual(whole.notices.map((n) => n.id));
    const since = whole.notices.map((n) => n.since);
    expect(since).toEqual([...since].sort().reverse());
  });

  it('a cursor that is not one is refused with REQUEST.INVALID', async () => {
    await expect(notices({ before: "2026-01-01T00:00:00.000Z_x' or 1=1" })).rejects.toMatchObject({ code: 'REQUEST.INVALID' });
  });
});
