/**
 * The processing log partitioned by month (migration 0010): an entry goes to the partition of its month,
 * the months ahead are made in advance and only once, an entry of a month without a partition still goes
 * in (the default partition), the log stays append-only in every partition, and `log verify` reads the
 * log across its partitions. On a database that already holds entries, the migration keeps them in one
 * history partition and the log still verifies — before and after new entries.
 */
import { randomUUID } from 'node:crypto';
import { Kysely, Migrator, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { Keyring } from '../../src/core/crypto/keyring.ts';
import type { Actor } from '../../src/core/policy/actor.ts';
import { STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../../src/core/log/entry.ts';
import { openPglite } from '../../src/data/db.ts';
import { newTrace, openStore, verifyProcessingLog } from '../../src/data/index.ts';
import { logPartitions } from '../../src/data/log/partitions.ts';
import { appendEntries, ensureChains } from '../../src/data/log/writer.ts';
import { allMigrations } from '../../src/data/migrations/index.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { createTestStore, type TestStore } from '../support/store.ts';
import { tamperer } from '../support/tamper.ts';
import { insertWorld, type World } from '../support/world.ts';

/** The name of the partition of `d`'s month (UTC). */
const monthPart = (d: Date) => `processing_log_m${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

function entry(activityId: string, start: Date, subject: string): LogEntry {
  return {
    traceId: randomUUID().replace(/-/g, ''),
    spanId: randomUUID().slice(0, 16),
    parentSpanId: null,
    name: 'household.read',
    startTime: start,
    endTime: start,
    statusCode: STATUS_OK,
    processingActivityId: activityId,
    dataSubjectId: subject,
    dataSubjectIdType: SUBJECT_ID_TYPE,
    actorKind: 'system',
    actorId: null,
    actorRole: 'system:test',
    organisationId: null,
    purposeHelpRequestId: null,
    purposeCode: 'retention',
    action: 'read',
    objectType: 'resident',
    objectId: null,
    categories: ['identity'],
    decision: 'permit',
    ruleIds: ['gate-actor-known'],
    ruleVersion: '2026.1',
  };
}

describe('the log by month', () => {
  let t: TestStore;
  let w: World;
  const where = async () =>
    (await t.ownerSql('select tableoid::regclass::text as part, count(*)::int as n from processing_log group by 1 order by 1')).map((r) => [r.part, r.n]);

  beforeAll(async () => {
    t = await createTestStore({ LOG_CHAINS: '2' });
    w = await insertWorld(t);
  });
  afterAll(async () => t.close());

  it('the current month and the two after it have a partition, made once', async () => {
    const now = new Date();
    const names = (await logPartitions(storeInternals(t.store).database.db)).map((p) => p.name);
    for (const k of [0, 1, 2]) expect(names).toContain(monthPart(addMonths(now, k)));
    expect(names).toContain('processing_log_default');
    expect(await t.store.prepareLogMonths(now)).toBe(0);
    expect(await t.store.prepareLogMonths(addMonths(now, 2))).toBe(2);
    expect((await logPartitions(storeInternals(t.store).database.db)).map((p) => p.name)).toContain(monthPart(addMonths(now, 4)));
  });

  it("a gated read's entries go to the partition of the current month", async () => {
    const actor: Actor = { kind: 'professional', id: w.professionals.director, organisationId: w.organisations.team, roles: ['professional'], displayName: 'test' };
    const before = new Map((await where()).map(([p, n]) => [p, n as number]));
    await t.store.repository({ actor, trace: newTrace(), now: new Date() }).household(w.households.main);
    const after = await where();
    const grown = after.filter(([p, n]) => (n as number) > (before.get(p as string) ?? 0)).map(([p]) => p);
    expect(grown).toEqual([monthPart(new Date())]);
  });

  it('an entry of a month without a partition goes to the default partition, and that month is then left there', async () => {
    const { database, keyring, config, policy } = storeInternals(t.store);
    const far = new Date(Date.UTC(2031, 4, 10, 12));
    const activity = policy.activityId('pa-system');
    await database.db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, config.log.chains, [entry(activity, far, 'subject-far')]));
    const rows = await t.ownerSql(`select tableoid::regclass::text as part from processing_log where data_subject_id = 'subject-far'`);
    expect(rows).toEqual([{ part: 'processing_log_default' }]);
    // Making that month's partition now would have to move the entry: it is skipped, not an error.
    expect(await t.store.prepareLogMonths(far)).toBe(2);
    const names = (await logPartitions(database.db)).map((p) => p.name);
    expect(names).not.toContain(monthPart(far));
    expect(names).toContain(monthPart(addMonths(far, 1)));
    expect(await t.ownerSql(`select tableoid::regclass::text as part from processing_log where data_subject_id = 'subject-far'`)).toEqual(rows);
  });

  it('every partition is append-only, for the owner as for the application role', async () => {
    const month = monthPart(new Date());
    for (const part of [month, 'processing_log_default']) {
      await expect(t.ownerSql(`delete from ${part}`)).rejects.toThrow(/append-only/);
      await expect(t.ownerSql(`update ${part} set name = 'x'`)).rejects.toThrow(/append-only/);
      await expect(t.ownerSql(`truncate ${part}`)).rejects.toThrow(/append-only/);
    }
    const grants = await t.ownerSql(
      `select table_name, privilege_type from information_schema.role_table_grants
       where grantee = 'zorgvuldig_app' and table_name like 'processing_log%' order by 1, 2`,
    );
    const privs = grants.map((r) => `${r.table_name}:${r.privilege_type}`);
    expect(privs).toEqual(expect.arrayContaining([`processing_log:INSERT`, `processing_log:SELECT`]));
    expect(privs.filter((p) => /:(UPDATE|DELETE|TRUNCATE)$/.test(p))).toEqual([]);
  });

  it('log verify reads the log across its partitions, and finds an entry changed in any of them', async () => {
    const ok = await verifyProcessingLog(t.store);
    expect(ok.ok).toBe(true);
    expect(ok.entries).toBe(Number((await t.ownerSql('select count(*)::int as n from processing_log'))[0]!.n));
    expect(new Set((await where()).map(([p]) => p))).toEqual(new Set([monthPart(new Date()), 'processing_log_default']));
    await tamperer(t)(`update processing_log_default set name = 'tampered' where data_subject_id = 'subject-far'`);
    const bad = await verifyProcessingLog(t.store);
    expect(bad.ok).toBe(false);
    expect(bad.failure?.reason).toBe('hash-mismatch');
  });
});

// The migration is shown on PGlite, on a database of its own migrated step by step.
const pglite = await openPglite(undefined);
const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
// The store opened on it closes the PGlite with itself (the dialect's destroy closes the instance).
afterAll(async () => {
  if (!pglite.closed) await db.destroy();
});

describe('migration 0010 on a log that holds entries', () => {
  const keyring = new Keyring(Keyring.generateMaterial());
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: '', LOG_CHAINS: '2' });

  function migrator(upTo: string | null): Migrator {
    const all = allMigrations('zorgvuldig_app');
    const kept = upTo === null ? all : Object.fromEntries(Object.keys(all).filter((n) => n <= upTo).map((n) => [n, all[n]!]));
    return new Migrator({ db, provider: { getMigrations: async () => kept }, migrationTableName: 'schema_migration', migrationLockTableName: 'schema_migration_lock' });
  }

  it('keeps them in the history partition, up to the end of the latest month they reach; the log verifies before and after new entries', async () => {
    expect((await migrator('0009-log-denials').migrateToLatest()).error).toBeUndefined();
    await ensureChains(db, 2);
    const activity = randomUUID();
    const lastYear = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 5, 15));
    const nextMonth = addMonths(new Date(), 1);
    const old = [entry(activity, lastYear, 'subject-a'), entry(activity, new Date(), 'subject-b'), entry(activity, new Date(nextMonth.getTime() + 86_400_000), 'subject-c')];
    for (const e of old) await db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, 2, [e]));

    const migrated = await migrator(null).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    expect(migrated.results?.map((r) => r.migrationName)).toEqual(['0010-log-by-month']);
    const history = await sql<{ n: number; upto: number }>`
      select (select count(*)::int from processing_log_history) as n,
             extract(epoch from (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \\(MINVALUE\\) TO \\(''([^'']+)''\\)'))[1]::timestamptz)::int8 as upto
      from pg_class c where c.relname = 'processing_log_history'`.execute(db);
    // The latest entry is next month's: the history partition reaches to the end of next month.
    expect(history.rows.map((r) => [r.n, Number(r.upto) * 1000])).toEqual([[3, addMonths(new Date(), 2).getTime()]]);

    const store = await openStore(config, { keyring, pglite });
    try {
      const first = await verifyProcessingLog(store);
      expect(first).toMatchObject({ ok: true, entries: 3 });
      const names = (await logPartitions(db)).map((p) => p.name);
      // Months the history partition covers get no partition of their own; the first after it does.
      expect(names).not.toContain(monthPart(new Date()));
      expect(names).not.toContain(monthPart(nextMonth));
      const later = addMonths(new Date(), 2);
      expect(names).toContain(monthPart(later));
      await db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, 2, [entry(activity, later, 'subject-d'), entry(activity, new Date(), 'subject-e')]));
      const parts = await sql<{ subject: string; part: string }>`select data_subject_id as subject, tableoid::regclass::text as part from processing_log order by id`.execute(db);
      expect(parts.rows.map((r) => [r.subject, r.part])).toEqual([
        ['subject-a', 'processing_log_history'],
        ['subject-b', 'processing_log_history'],
        ['subject-c', 'processing_log_history'],
        ['subject-d', monthPart(later)],
        ['subject-e', 'processing_log_history'],
      ]);
      expect(await verifyProcessingLog(store)).toMatchObject({ ok: true, entries: 5 });
    } finally {
      await store.close();
    }
  });
});
