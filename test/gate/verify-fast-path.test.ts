/**
 * The fast path of `log verify` (issue 3): chains read as binary COPY rows, each canonical form built
 * from the row's bytes, hashed in this thread or in worker threads. Its result must be the writer's
 * canonical() byte for byte — any difference is a hash mismatch on an intact log — for every text the
 * log can hold (quotes, backslashes, control characters, non-ASCII), and it must find tampering in
 * either thread. The one-statement append with per-process chain leases must survive a stale cache.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../../src/core/log/entry.ts';
import { verifyProcessingLog } from '../../src/data/index.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { appendEntries, ChainLeases } from '../../src/data/log/writer.ts';
import { createTestStore, onPostgres, type TestStore } from '../support/store.ts';
import { tamperer } from '../support/tamper.ts';

let t: TestStore;
beforeAll(async () => {
  t = await createTestStore({ LOG_CHAINS: '3' });
});
afterAll(async () => t.close());

// Text as it may reach a log entry: anything PostgreSQL can store in a UTF-8 text column (no NUL).
const text = fc.string({ unit: 'binary', maxLength: 24 }).map((s) => s.replace(/\u0000/g, '').replace(/[\ud800-\udfff]/g, 'x'));
const tricky = fc.oneof(text, fc.constantFrom('"', '\\', '\\N', '\t', '\n', '\r', '\b', '\f', '\u0001', '\u001f', '\u007f', 'é', '€', '𝄞', 'a"b\\c', ''));

function entry(activityId: string, s: { name: string; subject: string | null; role: string; code: string; cats: string[]; rules: string[]; version: string; ms: number }): LogEntry {
  const start = new Date(Date.UTC(2026, 0, 1) + s.ms);
  return {
    traceId: randomUUID().replace(/-/g, ''),
    spanId: randomUUID().slice(0, 16),
    parentSpanId: s.ms % 2 === 0 ? null : randomUUID().slice(0, 16),
    name: s.name,
    startTime: start,
    endTime: new Date(start.getTime() + (s.ms % 97)),
    statusCode: STATUS_OK,
    processingActivityId: activityId,
    dataSubjectId: s.subject,
    dataSubjectIdType: s.subject === null ? null : SUBJECT_ID_TYPE,
    actorKind: 'professional',
    actorId: s.ms % 3 === 0 ? null : randomUUID().toUpperCase(),
    actorRole: s.role,
    organisationId: randomUUID(),
    purposeHelpRequestId: s.ms % 5 === 0 ? null : randomUUID(),
    purposeCode: s.code,
    action: 'read',
    objectType: 'household',
    objectId: randomUUID(),
    categories: s.cats,
    decision: s.ms % 7 === 0 ? 'deny' : 'permit',
    ruleIds: s.rules,
    ruleVersion: s.version,
  };
}

const entries = fc.array(
  fc.record({
    name: tricky,
    subject: fc.option(tricky, { nil: null }),
    role: tricky,
    code: tricky,
    cats: fc.array(tricky, { maxLength: 4 }),
    rules: fc.array(tricky, { maxLength: 4 }),
    version: tricky,
    ms: fc.integer({ min: 0, max: 4_000_000_000 }),
  }),
  { minLength: 1, maxLength: 12 },
);

async function append(list: LogEntry[], leases?: ChainLeases): Promise<void> {
  const { database, keyring, config } = storeInternals(t.store);
  let ticket: Awaited<ReturnType<typeof appendEntries>> | null = null;
  try {
    await database.db.transaction().execute(async (tx) => {
      ticket = await appendEntries(tx, keyring.logKey, config.log.chains, list, leases);
    });
    (ticket as { settle(c: boolean): void } | null)?.settle(true);
  } catch (err) {
    (ticket as { settle(c: boolean): void } | null)?.settle(false);
    throw err;
  }
}

describe('log verify, fast path', () => {
  it('verifies entries with any text the log can hold (quotes, backslashes, controls, non-ASCII), in this thread', async () => {
    const activity = storeInternals(t.store).gateEnv.activityId('pa-wmo-onderzoek');
    await fc.assert(
      fc.asyncProperty(entries, async (specs) => {
        await append(specs.map((s) => entry(activity, s)));
        const r = await verifyProcessingLog(t.store, undefined, { threads: 0 });
        expect(r.failure).toBeUndefined();
        expect(r.ok).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('verifies the same log in worker threads (PostgreSQL: each with its own connections), with the same count and heads', async () => {
    const here = await verifyProcessingLog(t.store, undefined, { threads: 0 });
    const workers = await verifyProcessingLog(t.store, undefined, { threads: 2 });
    expect(here.threads).toBe(0);
    // PGlite is one in-process database: its log is always verified in the main thread.
    expect(workers.threads).toBe(onPostgres ? 2 : 0);
    expect(workers.ok).toBe(true);
    expect(workers.entries).toBe(here.entries);
    expect(workers.heads).toEqual(here.heads);
  });

  it('finds a modified entry in worker threads too, at the entry that was modified', async () => {
    const [row] = await t.ownerSql('select chain_id, seq from processing_log order by id desc limit 1 offset 3');
    await t.ownerSql('begin');
    await t.ownerSql("set local session_replication_role = 'replica'");
    await t.ownerSql(`update access_record set rule_version = rule_version || 'x' where log_id = (select id from processing_log where chain_id = $1 and seq = $2)`, [row!.chain_id, row!.seq]);
    await t.ownerSql('commit');
    for (const threads of [0, 2]) {
      const r = await verifyProcessingLog(t.store, undefined, { threads });
      expect(r.ok).toBe(false);
      expect(r.failure).toMatchObject({ chainId: Number(row!.chain_id), seq: Number(row!.seq), reason: 'hash-mismatch' });
    }
  });
});

describe('one-statement append with chain leases', () => {
  it('a lease whose cached head is stale (another process appended) re-reads the head and the log stays intact', async () => {
    const fresh = await createTestStore({ LOG_CHAINS: '1' });
    try {
      const { database, keyring, gateEnv } = storeInternals(fresh.store);
      const activity = gateEnv.activityId('pa-wmo-onderzoek');
      const spec = { name: 'household.read', subject: 'p', role: 'professional', code: 'help_request', cats: ['identity'], rules: ['r'], version: '2026.1', ms: 1000 };
      const mine = new ChainLeases(1);
      const other = new ChainLeases(1);
      const go = async (leases: ChainLeases) => {
        let ticket: Awaited<ReturnType<typeof appendEntries>> | null = null;
        await database.db.transaction().execute(async (tx) => {
          ticket = await appendEntries(tx, keyring.logKey, 1, [entry(activity, spec), entry(activity, spec)], leases);
        });
        (ticket as unknown as { settle(c: boolean): void }).settle(true);
      };
      await go(mine); // caches the head after 2 entries
      await go(other); // "another process": the chain moves on to 4
      await go(mine); // stale cache: must re-read and continue at 5
      // A rolled-back append must not leave a head in the cache that was never committed.
      await expect(
        database.db.transaction().execute(async (tx) => {
          const ticket = await appendEntries(tx, keyring.logKey, 1, [entry(activity, spec)], mine);
          ticket.settle(false);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await go(mine);
      const r = await verifyProcessingLog(fresh.store, undefined, { threads: 0 });
      expect(r.ok).toBe(true);
      expect(r.heads[0]!.seq).toBe(8);
    } finally {
      await fresh.close();
    }
  });
});

describe('log verify in ranges of ids, stitched per chain', () => {
  // Three chains written interleaved, so each chain crosses range boundaries at every range size tried.
  let r: TestStore;
  const sizes = [1, 2, 3, 5, 8, 1_000_000];
  beforeAll(async () => {
    r = await createTestStore({ LOG_CHAINS: '3' });
    const { database, keyring, gateEnv } = storeInternals(r.store);
    const activity = gateEnv.activityId('pa-wmo-onderzoek');
    const spec = { name: 'household.read', subject: 'p', role: 'professional', code: 'help_request', cats: ['identity'], rules: ['r'], version: '2026.1', ms: 1 };
    for (let i = 0; i < 24; i++) {
      await database.db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, 3, [entry(activity, { ...spec, ms: i }), entry(activity, { ...spec, ms: i + 1 })].slice(0, 1 + (i % 2))));
    }
  });
  afterAll(async () => r.close());

  const tamper = (sqlText: string, params: unknown[] = []) => tamperer(r)(sqlText, params);

  /** Swap the seqs of two entries (through -1: (chain_id, seq) is unique). */
  async function swapSeq(a: number, b: number, seqA: number, seqB: number): Promise<void> {
    await tamper('update processing_log set seq = -1 where id = $1', [a]);
    await tamper('update processing_log set seq = $2 where id = $1', [b, seqA]);
    await tamper('update processing_log set seq = $2 where id = $1', [a, seqB]);
  }

  /** The failure at every range size; a range larger than the log is one pass over every chain. */
  async function failures(): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const rangeIds of sizes) out.push((await verifyProcessingLog(r.store, undefined, { threads: 0, rangeIds })).failure ?? null);
    return out;
  }

  it('an intact log verifies at every range size, with the same count and heads', async () => {
    const whole = await verifyProcessingLog(r.store, undefined, { threads: 0 });
    expect(whole.ok).toBe(true);
    expect(new Set((await r.ownerSql('select distinct chain_id from processing_log')).map((x) => x.chain_id)).size).toBe(3);
    for (const rangeIds of sizes) {
      const v = await verifyProcessingLog(r.store, undefined, { threads: 0, rangeIds });
      expect(v).toMatchObject({ ok: true, entries: whole.entries, heads: whole.heads });
    }
  });

  it('tampering anywhere — a changed field, a deleted entry, two entries swapped — is reported at the same entry at every range size', async () => {
    const rows = await r.ownerSql('select id, chain_id, seq from processing_log order by id');
    // Every fourth entry: first, middle and last entries of chains, on and off range boundaries.
    for (const row of rows.filter((_, i) => i % 4 === 1)) {
      const [id, chain, seq] = [Number(row.id), Number(row.chain_id), Number(row.seq)];
      await tamper(`update access_record set rule_version = rule_version || 'x' where log_id = $1`, [id]);
      expect(await failures()).toEqual(sizes.map(() => ({ chainId: chain, seq, logId: id, reason: 'hash-mismatch' })));
      await tamper(`update access_record set rule_version = left(rule_version, -1) where log_id = $1`, [id]);

      await tamper('create temporary table if not exists gone_l as select * from processing_log limit 0');
      await tamper('create temporary table if not exists gone_a as select * from access_record limit 0');
      await tamper('insert into gone_l select * from processing_log where id = $1', [id]);
      await tamper('insert into gone_a select * from access_record where log_id = $1', [id]);
      await tamper('delete from access_record where log_id = $1', [id]);
      await tamper('delete from processing_log where id = $1', [id]);
      const deleted = await failures();
      // The last entry of a chain deleted: the head row names more than is there.
      for (const f of deleted) expect(f).toMatchObject({ chainId: chain, seq, reason: expect.stringMatching(/^(sequence-gap|head-mismatch)$/) });
      expect(new Set(deleted.map((f) => JSON.stringify(f))).size).toBe(1);
      await tamper('insert into processing_log select * from gone_l');
      await tamper('insert into access_record select * from gone_a');
      await tamper('delete from gone_a');
      await tamper('delete from gone_l');

      const next = await r.ownerSql('select id from processing_log where chain_id = $1 and seq = $2', [chain, seq + 1]);
      if (next.length === 1) {
        const nextId = Number(next[0]!.id);
        await swapSeq(id, nextId, seq, seq + 1);
        const swapped = await failures();
        for (const f of swapped) expect(f).toMatchObject({ chainId: chain, seq });
        expect(new Set(swapped.map((f) => JSON.stringify(f))).size).toBe(1);
        await swapSeq(id, nextId, seq + 1, seq);
      }
      expect((await verifyProcessingLog(r.store, undefined, { threads: 0, rangeIds: 2 })).ok).toBe(true);
    }
  });

  it('a row put in by hand with an id far beyond the rest is found, without walking the empty ids between', async () => {
    await tamper(
      `insert into processing_log (id, chain_id, seq, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, processing_activity_id, data_subject_id, data_subject_id_type, prev_hash, hash)
       select 4000000000000000, chain_id, seq + 100000, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, processing_activity_id, data_subject_id, data_subject_id_type, hash, hash
       from processing_log order by id desc limit 1`,
    );
    for (const rangeIds of [3, 100_000]) {
      const v = await verifyProcessingLog(r.store, undefined, { threads: 0, rangeIds });
      expect(v.failure).toMatchObject({ reason: 'unchained-entries' });
    }
  });
});
