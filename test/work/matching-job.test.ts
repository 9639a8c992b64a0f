/**
 * The matching job (R1.5; src/data/repository/work/matching-job.ts). Involvements that did not start in
 * the app — seeded, imported, starting on a later date — are matched by a system job, so the notices
 * page only reads (issue 8: the per-read check over all of a professional's households cost 10-23 ms).
 *
 * - On a seeded municipality the job's SQL agrees with the pure core (`matchPairs`) on which households
 *   lack a match, and after the job every pair the core names is recorded.
 * - An imported involvement is matched by the job, not by reading the notices; the job logs what it
 *   recorded for the resident concerned; a second run records nothing.
 * - An involvement that starts on a later date is matched once that date has come.
 * - The server runs the job at start-up.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Actor } from '../../src/core/policy/actor.ts';
import { matchPairs, type MatchInvolvement } from '../../src/core/work/match.ts';
import { newTrace, recordDueMatches, seedMunicipality } from '../../src/data/index.ts';
import { unmatchedHouseholds } from '../../src/data/repository/work/matches.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { createTestStore, type TestStore } from '../support/store.ts';
import { workWorld, type WorkWorld } from './support.ts';

const DAY = 86_400_000;

describe('the matching job on a seeded municipality agrees with the core', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
    await seedMunicipality(t.store, { residents: 3000, seed: 5 });
  });
  afterAll(async () => t.close());

  /** The core's pairs for every household, from the current involvements and members. */
  async function corePairs(now: Date): Promise<Map<string, Set<string>>> {
    const rows = await t.ownerSql(
      `select i.id, i.household_id, i.professional_id, p.organisation_id, coalesce(sa.resident_id, hr.resident_id) as resident_id,
              (select array_agg(m.resident_id) from household_member m where m.household_id = i.household_id
                and m.valid_from <= $1::date and (m.valid_until is null or m.valid_until > $1::date)) as members
       from involvement i join professional p on p.id = i.professional_id
       left join help_request hr on hr.id = i.help_request_id left join sub_activity sa on sa.id = i.sub_activity_id
       where i.role <> 'expert' and i.valid_from <= $2 and (i.valid_until is null or i.valid_until > $2)`,
      [now.toISOString().slice(0, 10), now],
    );
    const byHousehold = new Map<string, MatchInvolvement[]>();
    for (const r of rows) {
      const list = byHousehold.get(r.household_id as string) ?? [];
      list.push({
        involvementId: r.id as string,
        professionalId: r.professional_id as string,
        organisationId: r.organisation_id as string,
        householdId: r.household_id as string,
        residentIds: r.resident_id ? [r.resident_id as string] : ((r.members as string[] | null) ?? []),
      });
      byHousehold.set(r.household_id as string, list);
    }
    const out = new Map<string, Set<string>>();
    for (const [h, list] of byHousehold) {
      const pairs = matchPairs(list).map((p) => `${p.residentId}|${p.a.professionalId}|${p.b.professionalId}`);
      if (pairs.length > 0) out.set(h, new Set(pairs));
    }
    return out;
  }

  async function recorded(): Promise<Set<string>> {
    const rows = await t.ownerSql(`select resident_id, professional_a, professional_b from involvement_match`);
    return new Set(rows.map((r) => `${r.resident_id}|${r.professional_a}|${r.professional_b}`));
  }

  it('after seeding every pair the core names is recorded, and the job finds nothing left', async () => {
    const now = new Date();
    const expected = await corePairs(now);
    expect(expected.size).toBeGreaterThan(10);
    const have = await recorded();
    for (const pairs of expected.values()) for (const p of pairs) expect(have.has(p)).toBe(true);
    expect(await unmatchedHouseholds(storeInternals(t.store).database.db, now)).toEqual([]);
    expect(await recordDueMatches(t.store, now)).toEqual({ households: 0, matches: 0 });
  });

  it('with some matches removed, the job names exactly the households the core names, and records them again', async () => {
    const now = new Date();
    const expected = await corePairs(now);
    // Remove the matches (and their notices) of every third household with pairs.
    const chosen = [...expected.keys()].sort().filter((_, i) => i % 3 === 0);
    await t.ownerSql(`delete from involvement_notice where match_id in (select id from involvement_match where household_id = any($1::uuid[]))`, [chosen]);
    await t.ownerSql(`delete from involvement_match where household_id = any($1::uuid[])`, [chosen]);
    expect((await unmatchedHouseholds(storeInternals(t.store).database.db, now)).sort()).toEqual([...chosen].sort());
    const pairsOfChosen = chosen.reduce((n, h) => n + expected.get(h)!.size, 0);
    expect(await recordDueMatches(t.store, now)).toEqual({ households: chosen.length, matches: pairsOfChosen });
    const have = await recorded();
    for (const h of chosen) for (const p of expected.get(h)!) expect(have.has(p)).toBe(true);
    // Two notices per match, one for each professional.
    const notices = await t.ownerSql(`select count(*)::int as n from involvement_notice n join involvement_match m on m.id = n.match_id where m.household_id = any($1::uuid[])`, [chosen]);
    expect(notices[0]!.n).toBe(2 * pairsOfChosen);
  });
});

describe('involvements that came another way', () => {
  let ww: WorkWorld;
  let importer: Extract<Actor, { kind: 'professional' }>;
  let otherOrg: string;
  beforeAll(async () => {
    ww = await workWorld();
    otherOrg = randomUUID();
    importer = { kind: 'professional', id: randomUUID(), organisationId: otherOrg, roles: ['professional'], displayName: 'Schuldhulp Test' };
    await ww.t.ownerSql(`insert into organisation (id, name, kind) values ($1, 'Schuldhulp Test', 'chain_partner')`, [otherOrg]);
    await ww.t.ownerSql(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, 'Schuldhulp Test', 'Schuldhulpverlener', '{professional}')`, [importer.id, otherOrg]);
  });
  afterAll(async () => ww.close());

  const notices = (actor: Actor, now = new Date()) => ww.t.store.repository({ actor, trace: newTrace(), now }).work.notices({ limit: 100 });
  const importInvolvement = (from: Date) =>
    ww.t.ownerSql(
      `insert into involvement (id, professional_id, household_id, help_request_id, sub_activity_id, role, max_confidentiality, valid_from, valid_until)
       values ($1, $2, $3, $4, null, 'case_worker', 'vertrouwelijk', $5, null)`,
      [randomUUID(), importer.id, ww.w.households.main, ww.w.helpRequests.pw, from],
    );

  it('an imported involvement is matched by the job, not by reading the notices; the job logs it for the resident', async () => {
    const now = new Date();
    await importInvolvement(new Date(now.getTime() - DAY));
    const matchesBefore = await ww.count('involvement_match');
    // Reading only reads.
    expect((await notices(importer, now)).notices).toEqual([]);
    expect(await ww.count('involvement_match')).toBe(matchesBefore);
    const logBefore = Number((await ww.t.ownerSql(`select coalesce(max(id), 0) as id from processing_log`))[0]!.id);
    const run = await recordDueMatches(ww.t.store, now);
    expect(run.households).toBe(1);
    expect(run.matches).toBeGreaterThan(0);
    const mine = await notices(importer, now);
    expect(mine.notices.length).toBeGreaterThan(0);
    // The help request (Participatiewet) concerns the adult: every notice is about the adult, and tells of
    // professionals of other organisations only.
    expect(new Set(mine.notices.map((n) => n.residentId))).toEqual(new Set([ww.w.residents.adult]));
    expect(mine.notices.every((n) => n.other.organisation !== 'Schuldhulp Test')).toBe(true);
    const told = await notices(ww.actor.consulent, now);
    expect(told.notices.some((n) => n.other.id === importer.id && n.residentId === ww.w.residents.adult)).toBe(true);
    // Logged as the system's job, for the resident the match concerns (one entry per resident).
    const logged = await ww.t.ownerSql(
      `select l.data_subject_id, a.actor_role, a.object_type, a.decision from processing_log l join access_record a on a.log_id = l.id where l.name = 'involvement_match.record' and l.id > $1`,
      [logBefore],
    );
    expect(logged).toEqual([{ data_subject_id: storeInternals(ww.t.store).keyring.pseudonym(ww.w.residents.adult), actor_role: 'system:jobs', object_type: 'involvement_match', decision: 'permit' }]);
    // A second run finds nothing to do.
    expect(await recordDueMatches(ww.t.store, now)).toEqual({ households: 0, matches: 0 });
  });

  it('an involvement that starts on a later date is matched once that date has come', async () => {
    const now = new Date();
    // A second professional of the debt organisation, starting in three days.
    const starter: Extract<Actor, { kind: 'professional' }> = { kind: 'professional', id: randomUUID(), organisationId: otherOrg, roles: ['professional'], displayName: 'Schuldhulp Later' };
    await ww.t.ownerSql(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, 'Schuldhulp Later', 'Schuldhulpverlener', '{professional}')`, [starter.id, otherOrg]);
    await ww.t.ownerSql(
      `insert into involvement (id, professional_id, household_id, help_request_id, sub_activity_id, role, max_confidentiality, valid_from, valid_until)
       values ($1, $2, $3, $4, null, 'case_worker', 'vertrouwelijk', $5, null)`,
      [randomUUID(), starter.id, ww.w.households.main, ww.w.helpRequests.pw, new Date(now.getTime() + 3 * DAY)],
    );
    expect(await recordDueMatches(ww.t.store, now)).toEqual({ households: 0, matches: 0 });
    const then = new Date(now.getTime() + 4 * DAY);
    const run = await recordDueMatches(ww.t.store, then);
    expect(run).toMatchObject({ households: 1 });
    expect(run.matches).toBeGreaterThan(0);
    expect((await notices(starter, then)).notices.length).toBeGreaterThan(0);
  });
});

describe('the server runs the job', () => {
  it('at start-up: an involvement imported before the start is matched without anyone reading the notices', async () => {
    const ww = await workWorld();
    try {
      const org = randomUUID();
      const pro = randomUUID();
      await ww.t.ownerSql(`insert into organisation (id, name, kind) values ($1, 'Schuldhulp Start', 'chain_partner')`, [org]);
      await ww.t.ownerSql(`insert into professional (id, organisation_id, display_name, function_title, roles) values ($1, $2, 'Schuldhulp Start', 'Schuldhulpverlener', '{professional}')`, [pro, org]);
      await ww.t.ownerSql(
        `insert into involvement (id, professional_id, household_id, help_request_id, sub_activity_id, role, max_confidentiality, valid_from, valid_until)
         values ($1, $2, $3, $4, null, 'case_worker', 'vertrouwelijk', now() - interval '1 day', null)`,
        [randomUUID(), pro, ww.w.households.main, ww.w.helpRequests.pw],
      );
      const { buildApp } = await import('../../src/server/app.ts');
      const app = await buildApp({ config: ww.t.config, store: ww.t.store });
      await app.ready();
      // Closing waits for a run in flight.
      await app.close();
      const db = storeInternals(ww.t.store).database.db;
      const n = await sql<{ n: number }>`select count(*)::int as n from involvement_match where professional_a = ${pro} or professional_b = ${pro}`.execute(db);
      expect(n.rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await ww.close();
    }
  });
});
