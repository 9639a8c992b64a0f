/**
 * Backup and restore drill at small size (issue 8 item 4): after restoring a backup, the processing
 * log verifies on the copy — every chain and signed checkpoint — and every table is intact.
 *
 *   - PostgreSQL: scripts/backup-drill.sh itself (pg_dump → pg_restore into a fresh database →
 *     `zorgvuldig log verify` on the copy → a checksum of every table, source against copy);
 *   - PGlite (the embedded database has no pg_dump): its own backup, a data-directory dump
 *     (dumpDataDir), loaded into a new instance, verified and compared the same way.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/policy/actor.ts';
import { Keyring } from '../../src/core/crypto/keyring.ts';
import { newTrace, openStore, verifyProcessingLog, writeCheckpoint } from '../../src/data/index.ts';
import { openPglite } from '../../src/data/db.ts';
import { loadConfig } from '../../src/config/config.ts';
import { TEMPLATE_FILE } from '../support/paths.ts';
import { createTestStore, onPostgres, type TestStore } from '../support/store.ts';
import { insertWorld, type World } from '../support/world.ts';
import { dataChecksum } from './support.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const material = Keyring.generateMaterial();
let t: TestStore;
let w: World;
let dir: string;

/** Some processing to log: reads by the director, a checkpoint, more reads. */
async function activity(): Promise<void> {
  const director: Actor = { kind: 'professional', id: w.professionals.director, organisationId: w.organisations.team, roles: ['professional'], displayName: 'test' };
  for (let i = 0; i < 3; i++) await t.store.repository({ actor: director, trace: newTrace(), now: new Date() }).household(w.households.main);
  await writeCheckpoint(t.store);
  for (let i = 0; i < 2; i++) await t.store.repository({ actor: director, trace: newTrace(), now: new Date() }).household(w.households.main);
}

/** Every table, the log included: row count and a digest of all rows. */
async function everything(q: (text: string) => Promise<Array<Record<string, unknown>>>): Promise<Record<string, string>> {
  const data = await dataChecksum({ ownerSql: (text) => q(text) });
  for (const table of ['processing_log', 'access_record', 'log_chain', 'log_checkpoint']) {
    const row = (await q(`select count(*)::int8 as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${table} x`))[0]!;
    data[table] = `${row.n}:${row.h}`;
  }
  return data;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zv-backup-'));
  t = await createTestStore({}, material);
  w = await insertWorld(t);
  await activity();
}, 300_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore drill', () => {
  if (onPostgres) it('scripts/backup-drill.sh: pg_dump, pg_restore, log verify on the copy and every checksum match', () => {
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify(material), { mode: 0o600 });
    const run = spawnSync('bash', ['scripts/backup-drill.sh'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.config.database.url!, ZORGVULDIG_KEYS_FILE: keys, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/log intact: \d+ entries in \d+ chains, 1 checkpoints verified/);
    expect(run.stdout).toMatch(/checksums match: \d+ tables/);
    expect(run.stdout).toContain('backup drill passed');
  });

  else it('PGlite: a data-directory dump restored into a new instance verifies, and every table is intact', async () => {
    // The embedded database of the test is in memory; its backup is the same dump `npm start` users take.
    const source = await openPglite(undefined, new Blob([readFileSync(TEMPLATE_FILE)]));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: '' });
    const keyring = new Keyring(material);
    const store = await openStore(config, { keyring, pglite: source });
    const q = async (text: string) => (await source.query<Record<string, unknown>>(text)).rows;
    const saved = { t, w };
    try {
      t = { ...t, store, ownerSql: (text, params) => source.query<Record<string, unknown>>(text, params as unknown[]).then((r) => r.rows) };
      w = await insertWorld(t);
      await activity();
      const before = await everything(q);
      const backup = await source.dumpDataDir('gzip');
      const copy = await openPglite(undefined, backup);
      const restored = await openStore(config, { keyring, pglite: copy });
      try {
        const verified = await verifyProcessingLog(restored);
        expect(verified.failure).toBeUndefined();
        expect(verified).toMatchObject({ ok: true, checkpoints: 1 });
        expect(verified.entries).toBeGreaterThan(0);
        expect(await everything(async (text) => (await copy.query<Record<string, unknown>>(text)).rows)).toEqual(before);
      } finally {
        await restored.close();
        if (!copy.closed) await copy.close();
      }
    } finally {
      ({ t, w } = saved);
      await store.close();
      if (!source.closed) await source.close();
    }
  });
});
