/**
 * My file's data items, a page at a time (issue 8: a resident with several help requests has hundreds of
 * items, and the file decided, opened and sent every one on every visit; the portal's overview too). Pages
 * follow each other newest first without gaps or repeats, together they are exactly the full export's
 * items, an item of someone else starts no page, the log names what a page shows and not what it leaves
 * for later, and the overview shows a page of the newest and says there is more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Actor } from '../../src/core/policy/actor.ts';
import { newTrace, seedMunicipality } from '../../src/data/index.ts';
import type { MyFileView } from '../../src/data/repository/residents/views.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { createTestStore, type TestStore } from '../support/store.ts';

let t: TestStore;
let me: Actor & { kind: 'resident' };
let someoneElsesItem: string;

beforeAll(async () => {
  t = await createTestStore();
  // 130 items per help request: the resident with the most holds more rows than one batch (200).
  await seedMunicipality(t.store, { residents: 600, seed: 5, itemsPerRequest: 130 });
  const { database } = storeInternals(t.store);
  const row = (
    await sql<{ resident_id: string; n: number }>`
      select d.resident_id, count(*)::int as n from data_item d
      where exists (select 1 from household_member m where m.resident_id = d.resident_id and m.household_id = d.household_id
                    and m.valid_from <= current_date and (m.valid_until is null or m.valid_until > current_date))
      group by d.resident_id order by n desc, d.resident_id limit 1`.execute(database.db)
  ).rows[0]!;
  me = { kind: 'resident', id: row.resident_id, displayName: 'test' };
  someoneElsesItem = (await sql<{ id: string }>`select id from data_item where resident_id <> ${row.resident_id} limit 1`.execute(database.db)).rows[0]!.id;
});
afterAll(async () => t.close());

const repo = (trace = newTrace()) => t.store.repository({ actor: me, trace, now: new Date() });
const itemIds = (f: MyFileView) => f.categories.flatMap((c) => c.items.map((i) => ({ id: i.id })));

/**
 * Every page of `limit` items, following `itemsNext`, as one list: each page in the database's order
 * (`rank`: newest first), since within a page the items are grouped per category.
 */
async function allPages(limit: number, rank: Map<string, number>): Promise<string[]> {
  const seen: string[] = [];
  let page = await repo().residents.file(null, { limit });
  for (let i = 0; i < 1000; i++) {
    const items = itemIds(page).map((x) => x.id);
    expect(items.length).toBeLessThanOrEqual(limit);
    seen.push(...items.sort((a, b) => (rank.get(a) ?? -1) - (rank.get(b) ?? -1)));
    if (page.itemsNext === null) break;
    expect(items.length).toBe(limit);
    expect(page.itemsNext).toBe(seen[seen.length - 1]);
    page = await repo().residents.file(null, { after: page.itemsNext, limit });
  }
  expect(page.itemsNext).toBeNull();
  return seen;
}

describe('my file’s data items, a page at a time (newest first)', () => {
  it('pages of 7, 50 and 200 follow each other without gaps or repeats and add up to the full export’s items', async () => {
    const rows = Number((await t.ownerSql(`select count(*)::int as n from data_item where resident_id = '${me.id}'`))[0]!.n);
    expect(rows).toBeGreaterThan(200);
    const exported = await repo().residents.fullExport(null, false);
    expect(exported.file.itemsNext).toBeNull();
    const all = itemIds(exported.file).map((x) => x.id);
    expect(all.length).toBeGreaterThan(200);
    const order = await t.ownerSql(`select id from data_item where id = any('{${all.join(',')}}'::uuid[]) order by recorded_at desc, id desc`);
    const newestFirst = order.map((r) => r.id as string);
    const rank = new Map(newestFirst.map((id, i) => [id, i]));
    for (const limit of [200, 50, 7]) expect(await allPages(limit, rank)).toEqual(newestFirst);
  });

  it('50 items unless asked, and the rest of the file is there on every page', async () => {
    const page = await repo().residents.file(null);
    expect(itemIds(page)).toHaveLength(50);
    expect(page.itemsNext).not.toBeNull();
    const next = await repo().residents.file(null, { after: page.itemsNext! });
    expect(itemIds(next)).toHaveLength(50);
    expect(next.helpRequests).toEqual(page.helpRequests);
    expect(next.me).toEqual(page.me);
  });

  it('an item of someone else (or one that does not exist) starts no page: an empty one', async () => {
    for (const after of [someoneElsesItem, '00000000-0000-4000-8000-000000000000']) {
      const page = await repo().residents.file(null, { after, limit: 10 });
      expect(page.categories).toEqual([]);
      expect(page.itemsNext).toBeNull();
      expect(page.helpRequests.length).toBeGreaterThan(0);
    }
  });

  it('a page logs the data items it shows, not the ones it leaves for later', async () => {
    const read = async (page: { after?: string; limit?: number }) => {
      const trace = newTrace();
      const view = await repo(trace).residents.file(null, page);
      const rows = await t.ownerSql(`select distinct unnest(a.categories) as c from processing_log l join access_record a on a.log_id = l.id where l.trace_id = '${trace.traceId}'`);
      return { view, logged: new Set(rows.map((r) => r.c as string)) };
    };
    const none = await read({ after: '00000000-0000-4000-8000-000000000000' });
    const plus = (base: Set<string>, f: MyFileView) => new Set([...base, ...f.categories.map((c) => c.category.code)]);
    const one = await read({ limit: 1 });
    expect(one.logged).toEqual(plus(none.logged, one.view));
    const many = await read({ limit: 200 });
    expect(many.logged).toEqual(plus(none.logged, many.view));
    expect(many.logged.size).toBeGreaterThan(one.logged.size);
  });

  it('the overview shows the newest 50 and says there is more', async () => {
    const overview = await repo().portalOverview();
    expect(overview.dataItems).toHaveLength(50);
    expect(overview.dataItemsMore).toBe(true);
    const first = await repo().residents.file(null, { limit: 50 });
    expect(new Set(overview.dataItems.map((d) => d.id))).toEqual(new Set(itemIds(first).map((x) => x.id)));
  });
});
