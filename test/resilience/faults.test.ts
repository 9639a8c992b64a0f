/**
 * Faults (issue 8 item 2), in process, on both databases:
 *
 *   - the processing log cannot be written → every read answers 503 GATE.LOG_UNAVAILABLE, no personal
 *     data leaves, nothing is committed; when the log is back, the same app serves again;
 *   - the database is read-only → 503 with DATABASE.READ_ONLY (writes) or GATE.LOG_UNAVAILABLE (reads:
 *     the log entry is their first write), nothing out, nothing written; recovery without a restart;
 *   - the disk is full → 507 DATABASE.FULL for a write, 503 GATE.LOG_UNAVAILABLE for a read, nothing
 *     written (here the database's disk-full error is raised by a trigger; disk-full.test.ts fills a
 *     real tiny file system on PostgreSQL);
 *   - the database goes away during write load → only 201 or 503 with a code, no partial writes (every
 *     acknowledged item is there, every stored item has its log entry), and the same app recovers.
 *     On PostgreSQL the app's backends are terminated (pg_terminate_backend, only this test's database,
 *     so parallel test files are not disturbed); PGlite is one in-process connection that cannot be
 *     cut, so there the log write fails and recovers in the middle of the load instead.
 *
 * The real PostgreSQL server restart is a drill (bench/scale, SCALE_RESTART_DRILL=1), not a test: it
 * would disturb every other test database on the server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyProcessingLog } from '../../src/data/index.ts';
import { fieldAad } from '../../src/core/crypto/keyring.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { onPostgres } from '../support/store.ts';
import { insertWorld, type World } from '../support/world.ts';
import { dataChecksum, errorCodeOf, findReads, findWrite, routesOf, worldPersonas, type FoundRead, type FoundWrite } from './support.ts';

let t: TestApp;
let w: World;
let reads: FoundRead[];
let write: FoundWrite;
let writes = 0;

async function count(table: string): Promise<number> {
  return Number((await t.ownerSql(`select count(*)::int8 as n from ${table}`))[0]!.n);
}

async function get(r: FoundRead) {
  return t.app.inject({ method: 'GET', url: r.url, headers: r.persona.headers });
}

async function post(n = ++writes) {
  const res = await t.app.inject({ method: write.method as 'POST', url: write.url, headers: { ...write.persona.headers, 'content-type': 'application/json' }, payload: JSON.stringify(write.body(n)) });
  return { n, res, code: errorCodeOf(res.body) };
}

/** A database error raised on every insert into `table`: how a failing disk or a full one looks to the app. */
async function failInserts(table: string, sqlstate: string): Promise<() => Promise<void>> {
  const fn = `zv_test_fail_${table}`;
  await t.ownerSql(`create or replace function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'injected fault' using errcode = '${sqlstate}'; end $$`);
  await t.ownerSql(`create trigger ${fn} before insert on ${table} for each statement execute function ${fn}()`);
  return async () => {
    await t.ownerSql(`drop trigger if exists ${fn} on ${table}`);
    await t.ownerSql(`drop function if exists ${fn}()`);
  };
}

/** Terminate this test database's application connections (PostgreSQL only; the owner's stay). */
async function cutAppConnections(): Promise<number> {
  const rows = await t.ownerSql(
    `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and application_name = 'zorgvuldig' and pid <> pg_backend_pid()`,
  );
  return Number(rows[0]!.n);
}

/** The app has recovered when a read answers 200 again (the pool reconnects on its own). */
async function recovered(): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if ((await get(reads[0]!)).statusCode === 200) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function expectNoSecrets(body: string, secrets: string[]) {
  for (const s of secrets) expect(body, `leaks "${s.slice(0, 16)}"`).not.toContain(s);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await insertWorld(t);
  const ops = await routesOf(t.app);
  const personas = await worldPersonas(t, w);
  reads = await findReads(t.app, ops, personas, w);
  write = await findWrite(t.app, ops, personas, w);
}, 300_000);
afterAll(async () => t?.close());

describe('the processing log cannot be written', () => {
  it('every read answers 503 GATE.LOG_UNAVAILABLE with no personal data, and nothing is committed', async () => {
    expect(reads.length).toBeGreaterThanOrEqual(3);
    const before = { log: await count('processing_log'), data: await dataChecksum(t) };
    const restore = await failInserts('processing_log', '58030');
    try {
      for (const r of reads) {
        const res = await get(r);
        expect(res.statusCode, r.url).toBe(503);
        expect(errorCodeOf(res.body), r.url).toBe('GATE.LOG_UNAVAILABLE');
        expect(res.headers['retry-after']).toBeDefined();
        expectNoSecrets(res.body, r.secrets);
      }
      const { res, code } = await post();
      expect(res.statusCode).toBe(503);
      expect(code).toBe('GATE.LOG_UNAVAILABLE');
    } finally {
      await restore();
    }
    expect(await count('processing_log')).toBe(before.log);
    expect(await dataChecksum(t)).toEqual(before.data);
  });

  it('when the log is back, the same app serves again', async () => {
    for (const r of reads) expect((await get(r)).statusCode, r.url).toBe(200);
    expect((await post()).res.statusCode).toBe(201);
  });
});

describe('the database is read-only', () => {
  let readOnly: () => Promise<void>;
  let writable: () => Promise<void>;
  beforeEach(() => {
    if (onPostgres) {
      // New connections start read-only; the app's open ones are cut so the pool reconnects.
      readOnly = async () => {
        await t.ownerSql(`do $$ begin execute format('alter database %I set default_transaction_read_only = on', current_database()); end $$`);
        await cutAppConnections();
      };
      writable = async () => {
        await t.ownerSql(`do $$ begin execute format('alter database %I reset default_transaction_read_only', current_database()); end $$`);
        await cutAppConnections();
      };
    } else {
      // PGlite is one connection shared with the owner: a session setting reaches the app at once.
      readOnly = async () => void (await t.ownerSql('set default_transaction_read_only = on'));
      writable = async () => void (await t.ownerSql('set default_transaction_read_only = off'));
    }
  });

  it('reads and writes answer 503 with a clear code, nothing leaves and nothing is written; then the app recovers', async () => {
    const before = { log: await count('processing_log'), data: await dataChecksum(t) };
    await readOnly();
    try {
      for (const r of reads) {
        // The first requests after the cut may meet connections the pool has not yet discarded (at most
        // one per pooled connection): those answer a clean 503 SERVICE.UNAVAILABLE, and nothing leaves.
        let res = await get(r);
        for (let i = 0; i < 10 && errorCodeOf(res.body) === 'SERVICE.UNAVAILABLE'; i++) {
          expect(res.statusCode, r.url).toBe(503);
          expectNoSecrets(res.body, r.secrets);
          res = await get(r);
        }
        expect(res.statusCode, r.url).toBe(503);
        expect(['GATE.LOG_UNAVAILABLE', 'DATABASE.READ_ONLY'], r.url).toContain(errorCodeOf(res.body));
        expectNoSecrets(res.body, r.secrets);
      }
      let attempt = await post();
      for (let i = 0; i < 10 && attempt.code === 'SERVICE.UNAVAILABLE'; i++) attempt = await post();
      expect(attempt.res.statusCode).toBe(503);
      expect(attempt.code).toBe('DATABASE.READ_ONLY');
    } finally {
      await writable();
    }
    expect(await count('processing_log')).toBe(before.log);
    expect(await dataChecksum(t)).toEqual(before.data);
    expect(await recovered()).toBe(true);
    expect((await post()).res.statusCode).toBe(201);
  });
});

describe('the disk is full', () => {
  it('a write answers 507 DATABASE.FULL and nothing of it is stored', async () => {
    const before = await dataChecksum(t);
    const restore = await failInserts('data_item', '53100');
    try {
      const { res, code, n } = await post();
      expect(res.statusCode).toBe(507);
      expect(code).toBe('DATABASE.FULL');
      expect(res.body).not.toContain(write.marker(n));
    } finally {
      await restore();
    }
    expect(await dataChecksum(t)).toEqual(before);
  });

  it('a read whose log entry cannot be stored answers 503 GATE.LOG_UNAVAILABLE, without data', async () => {
    const restore = await failInserts('access_record', '53100');
    try {
      for (const r of reads) {
        const res = await get(r);
        expect(res.statusCode).toBe(503);
        expect(errorCodeOf(res.body)).toBe('GATE.LOG_UNAVAILABLE');
        expectNoSecrets(res.body, r.secrets);
      }
    } finally {
      await restore();
    }
    expect(await recovered()).toBe(true);
  });
});

describe('the database goes away during write load', () => {
  it(`only 201 or 503 with a code; every acknowledged write is stored with its log entry, nothing partial; the same app recovers (${onPostgres ? 'backends terminated' : 'log write fails mid-load'})`, async () => {
    const outcomes: Array<{ n: number; status: number; code: string | null }> = [];
    const first = writes + 1;
    const total = 120;
    let next = first;
    const worker = async () => {
      while (next < first + total) {
        const { n, res, code } = await post(next++);
        outcomes.push({ n, status: res.statusCode, code });
      }
    };
    const faults = async () => {
      // Let some writes through, then cut three times while the load runs.
      for (let i = 0; i < 3; i++) {
        while (outcomes.length < (i + 1) * 25 && outcomes.length < total) await new Promise((r) => setTimeout(r, 5));
        if (onPostgres) await cutAppConnections();
        else {
          const restore = await failInserts('processing_log', '58030');
          while (outcomes.length < (i + 1) * 25 + 8 && outcomes.length < total) await new Promise((r) => setTimeout(r, 5));
          await restore();
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker(), faults()]);
    writes = first + total;

    const odd = outcomes.filter((o) => !(o.status === 201 || (o.status === 503 && (o.code === 'SERVICE.UNAVAILABLE' || o.code === 'GATE.LOG_UNAVAILABLE'))));
    expect(odd).toEqual([]);
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.n);
    const refused = outcomes.filter((o) => o.status === 503).map((o) => o.n);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);

    // Which of the load's writes are stored: each carries a unique marker (decrypted where sealed).
    expect(await recovered()).toBe(true);
    const items = await t.ownerSql(`select id, value_text, value_cipher from data_item where recorded_at > now() - interval '1 hour'`);
    const values = new Set(
      items.map((i) => (i.value_text ? String(i.value_text) : t.keyring.decrypt(new Uint8Array(i.value_cipher as Uint8Array), fieldAad('data_item', 'value_cipher', String(i.id))))),
    );
    for (const n of acknowledged) expect(values.has(write.marker(n)), `acknowledged write ${n} is stored`).toBe(true);
    for (const n of refused) expect(values.has(write.marker(n)), `refused write ${n} is not stored`).toBe(false);
    // No partial writes: every data item has the log entry of its creation.
    const orphans = await t.ownerSql(
      `select d.id from data_item d where d.recorded_by is not null and d.recorded_at > now() - interval '1 hour'
       and not exists (select 1 from access_record a where a.object_id = d.id and a.action = 'create')`,
    );
    expect(orphans).toEqual([]);
    const verified = await verifyProcessingLog(t.store);
    expect(verified.failure).toBeUndefined();
    expect((await post()).res.statusCode).toBe(201);
  });
});
