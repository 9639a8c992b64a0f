/**
 * A household's and a help request's data items, a page at a time (issue 8: at city scale a household
 * holds a hundred to three hundred items, and a page that showed them all decided, opened and sent every
 * one on every visit). Pages follow each other newest first without gaps or repeats, together they are
 * exactly what one large page shows, a purpose's page is filled past the items it leaves out, and the
 * log records the categories of the items a page shows, not of the ones it leaves for later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Actor } from '../../src/core/policy/actor.ts';
import { newTrace, seedMunicipality, type HouseholdView } from '../../src/data/index.ts';
import { dataItemsPageSize } from '../../src/data/repository/households.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

let t: TestStore;
let director: Actor;
let household: string;
let helpRequests: string[];
let otherHousehold: { id: string; item: string };

beforeAll(async () => {
  t = await createTestStore();
  // 130 items per help request: a household with two help requests holds more rows than one batch (200).
  await seedMunicipality(t.store, { residents: 600, seed: 5, itemsPerRequest: 130 });
  const { database } = storeInternals(t.store);
  const row = (
    await sql<{ household_id: string; director_id: string; organisation_id: string; n: number }>`
      select sp.household_id, sp.director_id, p.organisation_id, (select count(*)::int from data_item d where d.household_id = sp.household_id) as n
      from support_plan sp join professional p on p.id = sp.director_id
      where sp.status = 'active'
        and exists (select 1 from involvement i where i.household_id = sp.household_id and i.professional_id = sp.director_id
                    and i.valid_from <= now() and (i.valid_until is null or i.valid_until > now()))
        and (select count(*) from help_request h where h.household_id = sp.household_id) >= 2
      order by n desc, sp.household_id limit 1`.execute(database.db)
  ).rows[0]!;
  const hrs = await sql<{ id: string }>`select id from help_request where household_id = ${row.household_id} order by id`.execute(database.db);
  director = { kind: 'professional', id: row.director_id, organisationId: row.organisation_id, roles: ['professional'], displayName: 'test' };
  household = row.household_id;
  helpRequests = hrs.rows.map((r) => r.id);
  const other = (
    await sql<{ household_id: string; id: string }>`select household_id, id from data_item where household_id <> ${household} limit 1`.execute(database.db)
  ).rows[0]!;
  otherHousehold = { id: other.household_id, item: other.id };
});
afterAll(async () => t.close());

const repo = () => t.store.repository({ actor: director, trace: newTrace(), now: new Date() });
const ids = (v: HouseholdView) => v.dataItems.map((d) => d.id);

/** Every page of `limit` items, following `dataItemsNext`, as one list. */
async function allPages(read: (after: string | undefined) => Promise<HouseholdView>, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let page = await read(undefined);
  for (let i = 0; i < 1000; i++) {
    expect(page.dataItems.length).toBeLessThanOrEqual(limit);
    seen.push(...ids(page));
    if (page.dataItemsNext === null) break;
    expect(page.dataItems.length).toBe(limit);
    expect(page.dataItemsNext).toBe(page.dataItems[page.dataItems.length - 1]!.id);
    page = await read(page.dataItemsNext);
  }
  expect(page.dataItemsNext).toBeNull();
  return seen;
}


describe('a household’s data items, a page at a time (newest first)', () => {
  it('pages of 1, 7, 50 and 200 follow each other without gaps or repeats and add up to every item the household shows', async () => {
    const rows = Number((await t.ownerSql(`select count(*)::int as n from data_item where household_id = '${household}'`))[0]!.n);
    expect(rows).toBeGreaterThan(200);
    const pages = {} as Record<number, string[]>;
    for (const limit of [200, 50, 7]) pages[limit] = await allPages((after) => repo().household(household, null, { after, limit }), limit);
    expect(pages[200]!.length).toBeGreaterThan(200);
    expect(new Set(pages[200]).size).toBe(pages[200]!.length);
    expect(pages[50]).toEqual(pages[200]);
    expect(pages[7]).toEqual(pages[200]);
    // Newest first: recorded_at descending, then id descending, as stored.
    const order = await t.ownerSql(`select id from data_item where id = any('{${pages[200]!.join(',')}}'::uuid[]) order by recorded_at desc, id desc`);
    expect(order.map((r) => r.id)).toEqual(pages[200]);
    const first = await repo().household(household, null, { limit: 1 });
    expect(first.dataItems).toHaveLength(1);
    expect(first.dataItems[0]!.id).toBe(pages[200]![0]);
    expect(first.members.length).toBeGreaterThan(0);
  });

  it('50 items unless asked, never more than 200', async () => {
    expect([dataItemsPageSize(undefined), dataItemsPageSize(1), dataItemsPageSize(200), dataItemsPageSize(5000), dataItemsPageSize(0)]).toEqual([50, 1, 200, 200, 1]);
    const page = await repo().household(household, null);
    expect(page.dataItems).toHaveLength(50);
    expect(page.dataItemsNext).toBe(page.dataItems[49]!.id);
  });

  it('a help request’s page holds only what its purpose allows, and is filled past the items it leaves out', async () => {
    const whole = await allPages((after) => repo().household(household, null, { after, limit: 200 }), 200);
    for (const hr of helpRequests) {
      const mine = await allPages((after) => repo().helpRequest(hr, { after, limit: 200 }), 200);
      const paged = await allPages((after) => repo().helpRequest(hr, { after, limit: 9 }), 9);
      expect(paged).toEqual(mine);
      expect(mine.length).toBeGreaterThan(0);
      // What the purpose shows is a part of what the household shows, in the same order.
      expect(whole.filter((id) => mine.includes(id))).toEqual(mine);
    }
    // The purposes leave items out: each help request shows fewer than the household.
    const first = await allPages((after) => repo().helpRequest(helpRequests[0]!, { after, limit: 200 }), 200);
    expect(first.length).toBeLessThan(whole.length);
  });

  it('the log of a page names the categories of the items it shows, not those of the items it leaves for later', async () => {
    // The categories each read logged (one entry per data subject and purpose, categories merged).
    const read = async (page: { after?: string; limit?: number }) => {
      const trace = newTrace();
      const view = await t.store.repository({ actor: director, trace, now: new Date() }).household(household, null, page);
      const rows = await t.ownerSql(`select distinct unnest(a.categories) as c from processing_log l join access_record a on a.log_id = l.id where l.trace_id = '${trace.traceId}'`);
      return { view, logged: new Set(rows.map((r) => r.c as string)) };
    };
    // Members, help requests and plan, without a data item (a page that starts after an unknown item is empty).
    const none = await read({ after: '00000000-0000-4000-8000-000000000000' });
    expect(none.view.dataItems).toEqual([]);
    const plus = (base: Set<string>, items: HouseholdView['dataItems']) => new Set([...base, ...items.map((d) => d.category)]);
    const one = await read({ limit: 1 });
    expect(one.logged).toEqual(plus(none.logged, one.view.dataItems));
    const all = await read({ limit: 200 });
    expect(all.logged).toEqual(plus(none.logged, all.view.dataItems));
    // The household holds items in more categories than the first item's: the page of one left them unlogged.
    expect(all.logged.size).toBeGreaterThan(one.logged.size);
  });

  it('an item of another household (or one that does not exist) starts no page: an empty one, the household still shown', async () => {
    for (const after of [otherHousehold.item, '00000000-0000-4000-8000-000000000000']) {
      const page = await repo().household(household, null, { after, limit: 10 });
      expect(page.dataItems).toEqual([]);
      expect(page.dataItemsNext).toBeNull();
      expect(page.members.length).toBeGreaterThan(0);
    }
  });
});
