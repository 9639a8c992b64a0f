/**
 * A really full disk (issue 8 item 2), on PostgreSQL: the data_item table of this test's own database is
 * moved to a tablespace on a 512 KiB tmpfs, and data items are written until the file system is full.
 * PostgreSQL then fails to extend the table (ENOSPC → SQLSTATE 53100): the app must answer 507
 * DATABASE.FULL with nothing of that write stored, keep every acknowledged write, keep a log that
 * verifies, and serve again once there is room — without a restart.
 *
 * Only the table of this test's database lives on the tmpfs (WAL and every other database stay where
 * they are), and the tablespace and mount are removed afterwards. It needs root to mount; where mounting
 * is not allowed the test says so and the error mapping is covered by faults.test.ts ("the disk is
 * full", an injected 53100), which also runs on PGlite.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProcessingLog } from '../../src/data/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { onPostgres } from '../support/store.ts';
import { insertWorld } from '../support/world.ts';
import { errorCodeOf, findWrite, routesOf, worldPersonas, type FoundWrite } from './support.ts';

let t: TestApp;
let write: FoundWrite;
let mountDir: string | null = null;
let tablespace: string | null = null;
let mountError: string | null = null;

function tryMount(): string | null {
  if (process.getuid?.() !== 0) return 'not root';
  const dir = mkdtempSync(join(tmpdir(), 'zv-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,mode=0700', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('chown', ['postgres:postgres', dir], { stdio: 'pipe' });
    mountDir = dir;
    return null;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return e instanceof Error ? e.message.split('\n')[0]! : 'mount failed';
  }
}

function unmount(): void {
  if (!mountDir) return;
  try {
    execFileSync('umount', [mountDir], { stdio: 'pipe' });
  } catch {
    /* already gone */
  }
  rmSync(mountDir, { recursive: true, force: true });
}

beforeAll(async () => {
  t = await createTestApp();
  const w = await insertWorld(t);
  write = await findWrite(t.app, await routesOf(t.app), await worldPersonas(t, w), w);
  if (onPostgres) mountError = tryMount();
}, 300_000);
afterAll(async () => {
  if (tablespace) {
    await t.ownerSql('alter table data_item set tablespace pg_default').catch(() => {});
    await t.close();
    // The test database is gone now; drop the tablespace over an admin connection.
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop tablespace if exists ${tablespace}`).catch(() => {});
    await admin.end();
    tablespace = null;
  } else {
    await t?.close();
  }
  unmount();
});

describe('a really full disk (PostgreSQL, a 512 KiB tmpfs tablespace)', () => {
  it('writes fill the disk: 507 DATABASE.FULL, nothing partial, acknowledged writes kept, the log verifies, and the app writes again when there is room', async () => {
    if (mountError) {
      console.warn(`disk-full: cannot mount a tmpfs here (${mountError}); the error mapping is tested in faults.test.ts`);
      return;
    }
    tablespace = `zv_full_${process.pid}`;
    await t.ownerSql(`create tablespace ${tablespace} location '${mountDir}'`);
    await t.ownerSql(`alter table data_item set tablespace ${tablespace}`);
    const before = Number((await t.ownerSql('select count(*)::int as n from data_item'))[0]!.n);
    // The write's own body, its free-text field padded to ~4 KB.
    // Random text, so that TOAST compression cannot shrink it.
    const big = (n: number) => Object.fromEntries(Object.entries(write.body(n)).map(([k, v]) => [k, v === write.marker(n) ? `${v} ${randomBytes(2800).toString('base64')}` : v]));
    let acknowledged = 0;
    let full: { status: number; code: string | null } | null = null;
    for (let n = 1; n <= 2000 && !full; n++) {
      const res = await t.app.inject({ method: 'POST', url: write.url, headers: { ...write.persona.headers, 'content-type': 'application/json' }, payload: JSON.stringify(big(n)) });
      if (res.statusCode === 201) acknowledged++;
      else full = { status: res.statusCode, code: errorCodeOf(res.body) };
    }
    expect(acknowledged).toBeGreaterThan(0);
    expect(full).toEqual({ status: 507, code: 'DATABASE.FULL' });
    // Nothing partial: exactly the acknowledged items were added, and each has the log entry of its creation.
    expect(Number((await t.ownerSql('select count(*)::int as n from data_item'))[0]!.n)).toBe(before + acknowledged);
    const orphans = await t.ownerSql(`select d.id from data_item d where d.recorded_at > now() - interval '1 hour' and not exists (select 1 from access_record a where a.object_id = d.id and a.action = 'create')`);
    expect(orphans.length).toBe(0);
    expect((await verifyProcessingLog(t.store)).failure).toBeUndefined();
    // Room again (the table back on the main disk): the same app writes.
    await t.ownerSql('alter table data_item set tablespace pg_default');
    const again = await t.app.inject({ method: 'POST', url: write.url, headers: { ...write.persona.headers, 'content-type': 'application/json' }, payload: JSON.stringify(write.body(99_999)) });
    expect(again.statusCode).toBe(201);
  }, 180_000);
});
