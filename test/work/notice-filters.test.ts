/**
 * What the involvement notices page leaves out (R1.5, policy §3.1): a match tells of a current
 * involvement only, and only to someone currently involved with that household. Both conditions are
 * part of the page's one statement (issue 8); here they are held to what the reader may know, on a
 * seeded municipality where the matching job recorded the notices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Actor } from '../../src/core/policy/actor.ts';
import { newTrace, seedMunicipality } from '../../src/data/index.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

let t: TestStore;
let recipient: Extract<Actor, { kind: 'professional' }>;

beforeAll(async () => {
  t = await createTestStore();
  await seedMunicipality(t.store, { residents: 300, seed: 11, itemsPerRequest: 5 });
  const most = (
    await sql<{ id: string; organisation_id: string }>`
      select p.id, p.organisation_id from involvement_notice n join professional p on p.id = n.recipient_id
      group by p.id, p.organisation_id order by count(*) desc, p.id limit 1`.execute(storeInternals(t.store).database.db)
  ).rows[0]!;
  recipient = { kind: 'professional', id: most.id, organisationId: most.organisation_id, roles: ['professional'], displayName: 'test' };
});
afterAll(async () => t.close());

const notices = async () => (await t.store.repository({ actor: recipient, trace: newTrace(), now: new Date() }).work.notices({ limit: 100 })).notices;

/** Run `fn` with the involvements' validity changed, then put it back. */
async function withEnded(ids: string[], fn: () => Promise<void>): Promise<void> {
  const before = await t.ownerSql(`select id, valid_until from involvement where id = any($1::uuid[])`, [ids]);
  await t.ownerSql(`update involvement set valid_until = now() - interval '1 minute' where id = any($1::uuid[])`, [ids]);
  try {
    await fn();
  } finally {
    for (const r of before) await t.ownerSql(`update involvement set valid_until = $2 where id = $1`, [r.id, r.valid_until]);
  }
}

describe('the involvement notices page', () => {
  it('leaves out a notice once the other professional’s involvement has ended, and shows it again when it is current', async () => {
    const shown = await notices();
    expect(shown.length).toBeGreaterThan(1);
    const notice = shown[0]!;
    const other = await t.ownerSql(
      `select case when m.professional_a = n.other_professional_id then m.involvement_a else m.involvement_b end as id
       from involvement_notice n join involvement_match m on m.id = n.match_id where n.id = $1`,
      [notice.id],
    );
    await withEnded([String(other[0]!.id)], async () => {
      const ids = (await notices()).map((n) => n.id);
      expect(ids).not.toContain(notice.id);
      expect(ids.length).toBeGreaterThan(2);
      // The page is full all the same: the notice left out is not counted against it.
      const page = await t.store.repository({ actor: recipient, trace: newTrace(), now: new Date() }).work.notices({ limit: 2 });
      expect(page.notices.map((n) => n.id)).toEqual(ids.slice(0, 2));
      expect(page.next).not.toBeNull();
    });
    expect((await notices()).map((n) => n.id)).toContain(notice.id);
  });

  it('leaves out every notice of a household the reader is no longer involved with', async () => {
    const shown = await notices();
    const household = shown[0]!.householdId;
    const mine = await t.ownerSql(`select id from involvement where professional_id = $1 and household_id = $2`, [recipient.id, household]);
    await withEnded(
      mine.map((r) => String(r.id)),
      async () => {
        const rest = await notices();
        expect(rest.some((n) => n.householdId === household)).toBe(false);
        expect(rest.length).toBe(shown.filter((n) => n.householdId !== household).length);
      },
    );
    expect((await notices()).some((n) => n.householdId === household)).toBe(true);
  });

  it('leaves out the notices of a household where the reader is only a consulted expert', async () => {
    const shown = await notices();
    const household = shown[0]!.householdId;
    const mine = await t.ownerSql(`select id, role from involvement where professional_id = $1 and household_id = $2`, [recipient.id, household]);
    await t.ownerSql(`update involvement set role = 'expert' where id = any($1::uuid[])`, [mine.map((r) => r.id)]);
    try {
      const rest = await notices();
      expect(rest.some((n) => n.householdId === household)).toBe(false);
      expect(rest.length).toBe(shown.filter((n) => n.householdId !== household).length);
    } finally {
      for (const r of mine) await t.ownerSql(`update involvement set role = $2 where id = $1`, [r.id, r.role]);
    }
    expect((await notices()).some((n) => n.householdId === household)).toBe(true);
  });
});
