/**
 * The processing log (R6): append-only, tamper-evident, and fail closed — no log, no data.
 * Tamper tests change the table as the database owner (with the append-only triggers switched off for
 * the statement), as an insider with database access could; verification must name the first bad entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/policy/actor.ts';
import { newTrace, verifyProcessingLog, writeCheckpoint } from '../../src/data/index.ts';
import { tamperer } from '../support/tamper.ts';
import { createTestStore, type TestStore } from '../support/store.ts';
import { insertWorld, type World } from '../support/world.ts';

let t: TestStore;
let w: World;

function director(): Actor {
  return { kind: 'professional', id: w.professionals.director, organisationId: w.organisations.team, roles: ['professional'], displayName: 'test' };
}

async function activity(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await t.store.repository({ actor: director(), trace: newTrace(), now: new Date() }).household(w.households.main);
}

/** Run owner SQL with the append-only triggers bypassed, as a tampering insider would. */
const tamper = (sqlText: string, params: unknown[] = []) => tamperer(t)(sqlText, params);

async function busiestChain(): Promise<{ chain: number; seqs: number[] }> {
  const rows = await t.ownerSql('select chain_id, count(*)::int as n from processing_log group by chain_id order by n desc limit 1');
  const chain = Number(rows[0]!.chain_id);
  const seqs = (await t.ownerSql('select seq from processing_log where chain_id = $1 order by seq', [chain])).map((r) => Number(r.seq));
  return { chain, seqs };
}

beforeEach(async () => {
  t = await createTestStore({ LOG_CHAINS: '2' });
  w = await insertWorld(t);
  await activity();
});
afterEach(async () => t.close());

describe('log verify', () => {
  it('an intact log verifies, with the count and the heads', async () => {
    const r = await verifyProcessingLog(t.store);
    expect(r.ok).toBe(true);
    expect(r.entries).toBe(Number((await t.ownerSql('select count(*)::int as n from processing_log'))[0]!.n));
    expect(r.entries).toBeGreaterThan(0);
    expect(r.heads.reduce((n, h) => n + h.seq, 0)).toBe(r.entries);
  });

  it('a modified field is found, at the entry that was modified', async () => {
    const { chain, seqs } = await busiestChain();
    const target = seqs[1]!;
    await tamper(`update access_record set decision = 'deny' where log_id = (select id from processing_log where chain_id = $1 and seq = $2)`, [chain, target]);
    const r = await verifyProcessingLog(t.store);
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ chainId: chain, seq: target, reason: 'hash-mismatch' });
  });

  it('a deleted entry is found', async () => {
    const { chain, seqs } = await busiestChain();
    const target = seqs[1]!;
    await tamper('delete from access_record where log_id = (select id from processing_log where chain_id = $1 and seq = $2)', [chain, target]);
    await tamper('delete from processing_log where chain_id = $1 and seq = $2', [chain, target]);
    const r = await verifyProcessingLog(t.store);
    expect(r.failure).toMatchObject({ chainId: chain, seq: target, reason: 'sequence-gap' });
  });

  it('an inserted entry is found', async () => {
    const { chain, seqs } = await busiestChain();
    const target = seqs[1]!;
    // Make room by shifting the later entries up one, then insert a forged copy of an entry.
    await tamper('update processing_log set seq = seq + 1000000 where chain_id = $1 and seq >= $2', [chain, target]);
    await tamper('update processing_log set seq = seq - 1000000 + 1 where chain_id = $1 and seq >= $2', [chain, target + 1000000]);
    await tamper(
      `insert into processing_log (chain_id, seq, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, processing_activity_id, data_subject_id, data_subject_id_type, prev_hash, hash)
       select chain_id, $2, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, processing_activity_id, data_subject_id, data_subject_id_type, prev_hash, hash
       from processing_log where chain_id = $1 and seq = $3`,
      [chain, target, target + 1],
    );
    const r = await verifyProcessingLog(t.store);
    expect(r.ok).toBe(false);
    expect(r.failure!.chainId).toBe(chain);
    expect(r.failure!.seq).toBe(target);
  });

  it('an entry put beyond its chain head is found as unchained', async () => {
    const { chain, seqs } = await busiestChain();
    const last = seqs[seqs.length - 1]!;
    await tamper(
      `insert into processing_log (chain_id, seq, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, processing_activity_id, data_subject_id, data_subject_id_type, prev_hash, hash)
       select chain_id, seq + 1, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, processing_activity_id, data_subject_id, data_subject_id_type, hash, hash
       from processing_log where chain_id = $1 and seq = $2`,
      [chain, last],
    );
    const r = await verifyProcessingLog(t.store);
    expect(r.failure).toMatchObject({ chainId: chain, seq: last + 1, reason: 'unchained-entries' });
  });

  it('an entry in a chain that has no head row is found as unchained', async () => {
    const { chain, seqs } = await busiestChain();
    await tamper(
      `insert into processing_log (chain_id, seq, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, processing_activity_id, data_subject_id, data_subject_id_type, prev_hash, hash)
       select 7, 1, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, processing_activity_id, data_subject_id, data_subject_id_type, prev_hash, hash
       from processing_log where chain_id = $1 and seq = $2`,
      [chain, seqs[0]!],
    );
    const r = await verifyProcessingLog(t.store);
    expect(r.failure).toMatchObject({ reason: 'unchained-entries' });
  });

  it('entries appended while verification runs (a live system) do not fail it; the next run verifies them too', async () => {
    await activity(20);
    let appending: Promise<void> | null = null;
    // As soon as the first chain's page is in, the app goes on logging (through the real gate and writer).
    const r = await verifyProcessingLog(t.store, () => {
      appending ??= activity(10);
    });
    await appending;
    expect(r.failure).toBeUndefined();
    expect(r.ok).toBe(true);
    const total = Number((await t.ownerSql('select count(*)::int as n from processing_log'))[0]!.n);
    const again = await verifyProcessingLog(t.store);
    expect(again).toMatchObject({ ok: true, entries: total });
    expect(again.entries).toBeGreaterThanOrEqual(r.entries);
  });

  it('two entries swapped in order are found', async () => {
    const { chain, seqs } = await busiestChain();
    const [a, b] = [seqs[1]!, seqs[2]!];
    await tamper('update processing_log set seq = -1 where chain_id = $1 and seq = $2', [chain, a]);
    await tamper('update processing_log set seq = $2 where chain_id = $1 and seq = $3', [chain, a, b]);
    await tamper('update processing_log set seq = $2 where chain_id = $1 and seq = -1', [chain, b]);
    const r = await verifyProcessingLog(t.store);
    expect(r.failure).toMatchObject({ chainId: chain, seq: a });
  });

  it('a truncated tail, with the chain head reset, is found through the signed checkpoint', async () => {
    await writeCheckpoint(t.store);
    const { chain, seqs } = await busiestChain();
    const last = seqs[seqs.length - 1]!;
    const prev = await t.ownerSql('select hash from processing_log where chain_id = $1 and seq = $2', [chain, last - 1]);
    await tamper('delete from access_record where log_id = (select id from processing_log where chain_id = $1 and seq = $2)', [chain, last]);
    await tamper('delete from processing_log where chain_id = $1 and seq = $2', [chain, last]);
    await tamper('update log_chain set seq = $2, head = $3 where id = $1', [chain, last - 1, prev[0]!.hash]);
    const r = await verifyProcessingLog(t.store);
    expect(r.failure).toMatchObject({ chainId: chain, seq: last, reason: 'checkpoint-mismatch' });
  });

  it('verification keeps passing after checkpoints and further activity', async () => {
    await writeCheckpoint(t.store);
    await activity(2);
    await writeCheckpoint(t.store);
    const r = await verifyProcessingLog(t.store);
    expect(r).toMatchObject({ ok: true, checkpoints: 2 });
  });
});

describe('the denials index (log_denial): "who viewed" counts with it, log verify holds it to the access records', () => {
  /** A professional who is not involved opens the household: the gate denies it and logs the denial. */
  async function denial(): Promise<{ logId: number; subject: string; start: Date }> {
    const stranger: Actor = { kind: 'professional', id: w.professionals.stranger, organisationId: w.organisations.team, roles: ['professional'], displayName: 'x' };
    await expect(t.store.repository({ actor: stranger, trace: newTrace(), now: new Date() }).household(w.households.main)).rejects.toMatchObject({ code: 'GATE.NOT_FOUND' });
    const [row] = await t.ownerSql(
      `select l.id, l.data_subject_id, l.start_time from processing_log l join access_record a on a.log_id = l.id
       where a.decision = 'deny' and a.actor_id = $1 order by l.id desc limit 1`,
      [w.professionals.stranger],
    );
    return { logId: Number(row!.id), subject: String(row!.data_subject_id), start: row!.start_time as Date };
  }

  it('the writer indexes each denied entry, with its subject and start time, and no permitted one', async () => {
    const d = await denial();
    const denied = await t.ownerSql(
      `select l.id as log_id, l.data_subject_id, l.start_time from processing_log l join access_record a on a.log_id = l.id
       where a.decision = 'deny' order by l.id`,
    );
    // One denied read of a household is one entry per member it was about.
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.map((r) => Number(r.log_id))).toContain(d.logId);
    const rows = await t.ownerSql('select log_id, data_subject_id, start_time from log_denial order by log_id');
    expect(rows).toEqual(denied);
    expect((await verifyProcessingLog(t.store)).ok).toBe(true);
  });

  it('a denial row added for a permitted entry is found (the count ignores it: a denial counts by its access record)', async () => {
    const [permitted] = await t.ownerSql(
      `select l.id, l.chain_id, l.seq, l.data_subject_id, l.start_time from processing_log l join access_record a on a.log_id = l.id
       where a.decision = 'permit' and l.data_subject_id is not null order by l.id limit 1`,
    );
    await t.ownerSql('insert into log_denial (log_id, data_subject_id, start_time) values ($1, $2, $3)', [permitted!.id, permitted!.data_subject_id, permitted!.start_time]);
    const r = await verifyProcessingLog(t.store);
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ chainId: Number(permitted!.chain_id), seq: Number(permitted!.seq), logId: Number(permitted!.id), reason: 'denial-index-mismatch' });
  });

  it('a denied entry whose denial row was deleted (it would raise the count) is found', async () => {
    const d = await denial();
    await tamper('delete from log_denial where log_id = $1', [d.logId]);
    const r = await verifyProcessingLog(t.store);
    expect(r.failure).toMatchObject({ logId: d.logId, reason: 'denial-index-mismatch' });
  });

  it('a denial row moved to another subject or time is found', async () => {
    const d = await denial();
    await tamper(`update log_denial set data_subject_id = 'someone-else' where log_id = $1`, [d.logId]);
    expect((await verifyProcessingLog(t.store)).failure).toMatchObject({ logId: d.logId, reason: 'denial-index-mismatch' });
    await tamper(`update log_denial set data_subject_id = $2, start_time = start_time - interval '400 days' where log_id = $1`, [d.logId, d.subject]);
    expect((await verifyProcessingLog(t.store)).failure).toMatchObject({ logId: d.logId, reason: 'denial-index-mismatch' });
  });
});

describe('append-only', () => {
  it('UPDATE, DELETE and TRUNCATE of the log are refused by the database', async () => {
    await expect(t.ownerSql(`update access_record set decision = 'deny'`)).rejects.toThrow(/append-only/);
    await expect(t.ownerSql('delete from processing_log')).rejects.toThrow(/append-only/);
    await expect(t.ownerSql('truncate processing_log cascade')).rejects.toThrow(/append-only/);
    await t.ownerSql(`insert into log_denial (log_id, data_subject_id, start_time) values (-1, 'x', now())`);
    await expect(t.ownerSql(`update log_denial set data_subject_id = 'y'`)).rejects.toThrow(/append-only/);
    await expect(t.ownerSql('delete from log_denial')).rejects.toThrow(/append-only/);
    await expect(t.ownerSql('truncate log_denial')).rejects.toThrow(/append-only/);
  });

  it('the register of processing activities entries point at is versioned: no version can be changed or removed', async () => {
    const [used] = await t.ownerSql('select processing_activity_id as id from processing_log limit 1');
    await expect(t.ownerSql(`update processing_activity set name = 'x' where id = $1`, [used!.id])).rejects.toThrow(/versioned/);
    await expect(t.ownerSql('delete from processing_activity where id = $1', [used!.id])).rejects.toThrow(/versioned/);
    await expect(t.ownerSql('truncate processing_activity cascade')).rejects.toThrow(/versioned/);
    expect(await t.ownerSql('select count(*)::int as n from processing_activity where id = $1', [used!.id])).toEqual([{ n: 1 }]);
  });

  it('the application role has no UPDATE or DELETE on the log tables (on PostgreSQL the running app assumes it)', async () => {
    const rows = await t.ownerSql(
      `select table_name, privilege_type from information_schema.role_table_grants
       where grantee = 'zorgvuldig_app' and table_name in ('processing_log', 'access_record', 'log_denial', 'log_checkpoint', 'processing_activity') order by 1, 2`,
    );
    const privs = rows.map((r) => `${r.table_name}:${r.privilege_type}`);
    expect(privs).toEqual(expect.arrayContaining(['processing_log:INSERT', 'processing_log:SELECT', 'access_record:INSERT', 'log_denial:INSERT', 'processing_activity:INSERT']));
    expect(privs.some((p) => /:(UPDATE|DELETE|TRUNCATE)$/.test(p))).toBe(false);
  });
});

describe('fail closed', () => {
  it('when the log cannot be written the read fails, nothing is returned and nothing is committed', async () => {
    const before = await t.ownerSql('select count(*)::int as n from processing_log');
    await t.ownerSql('alter table access_record rename to access_record_offline');
    try {
      const attempt = t.store.repository({ actor: director(), trace: newTrace(), now: new Date() }).household(w.households.main);
      await expect(attempt).rejects.toMatchObject({ code: 'GATE.LOG_UNAVAILABLE' });
      expect(await t.ownerSql('select count(*)::int as n from processing_log')).toEqual(before);
    } finally {
      await t.ownerSql('alter table access_record_offline rename to access_record');
    }
  });

  it('a write whose log entry cannot be written is rolled back', async () => {
    const items = await t.ownerSql('select count(*)::int as n from data_item');
    await t.ownerSql('alter table access_record rename to access_record_offline');
    try {
      const consulent: Actor = { kind: 'professional', id: w.professionals.consulent, organisationId: w.organisations.team, roles: ['professional'], displayName: 'c' };
      const attempt = t.store
        .repository({ actor: consulent, trace: newTrace(), now: new Date() })
        .createDataItem({ helpRequestId: w.helpRequests.wmo, residentId: w.residents.adult, category: 'housing', source: 'resident', value: 'Huurwoning' });
      await expect(attempt).rejects.toMatchObject({ code: 'GATE.LOG_UNAVAILABLE' });
    } finally {
      await t.ownerSql('alter table access_record_offline rename to access_record');
    }
    expect(await t.ownerSql('select count(*)::int as n from data_item')).toEqual(items);
  });
});

describe('encryption at rest', () => {
  it('a dump of the database without the keys reveals no BSN and no special-category or criminal value', async () => {
    const dump = JSON.stringify(
      await Promise.all(['resident', 'data_item', 'processing_log', 'access_record'].map((table) => t.ownerSql(`select * from ${table}`))),
      (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v),
    );
    expect(dump).not.toContain(w.adultBsn);
    for (const key of ['careNeeds', 'jeugdHealth', 'careRecord', 'criminalChild'] as const) expect(dump).not.toContain(w.values[key]);
    // Ordinary data are not encrypted (so the test above is meaningful).
    expect(dump).toContain(w.values.suwiIncome);
  });

  it('a ciphertext copied to another row does not decrypt there (bound to its row)', async () => {
    const [a] = await t.ownerSql('select value_cipher from data_item where id = $1', [w.items.careNeeds]);
    expect(() => t.keyring.decrypt(a!.value_cipher as Uint8Array, `data_item.value_cipher:${w.items.jeugdHealth}`)).toThrow();
  });
});
