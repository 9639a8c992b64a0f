/**
 * `npm run bench -- verify`: the rate of `zorgvuldig log verify` (target ≥ 200k entries/s), on PGlite
 * and on PostgreSQL (when DATABASE_URL is set). A log of N entries is appended through the real writer
 * (appendEntries, in batches, across the configured chains), then verified end to end.
 * Writes bench/results/verify.json.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.ts';
import { Keyring } from '../../src/core/crypto/keyring.ts';
import { STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../../src/core/log/entry.ts';
import { openStore, verifyProcessingLog, type Store } from '../../src/data/index.ts';
import { storeInternals } from '../../src/data/store-internals.ts';
import { appendEntries } from '../../src/data/log/writer.ts';

/** Entries on PostgreSQL (the production database) and on the embedded PGlite (slower to fill). */
const ENTRIES = Number(process.env.BENCH_VERIFY_ENTRIES ?? 1_000_000);
const ENTRIES_PGLITE = Number(process.env.BENCH_VERIFY_ENTRIES_PGLITE ?? 200_000);

function entry(activityId: string, keyring: Keyring, i: number): LogEntry {
  const t = new Date(Date.UTC(2026, 0, 1) + i * 1000);
  return {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    parentSpanId: randomBytes(8).toString('hex'),
    name: 'household.read',
    startTime: t,
    endTime: new Date(t.getTime() + 7),
    statusCode: STATUS_OK,
    processingActivityId: activityId,
    dataSubjectId: keyring.pseudonym(`resident-${i % 5000}`),
    dataSubjectIdType: SUBJECT_ID_TYPE,
    actorKind: 'professional',
    actorId: randomUUID(),
    actorRole: 'professional',
    organisationId: randomUUID(),
    purposeHelpRequestId: randomUUID(),
    purposeCode: 'help_request',
    action: 'read',
    objectType: 'household',
    objectId: randomUUID(),
    categories: ['address', 'care_needs', 'identity'],
    decision: 'permit',
    ruleIds: ['gate-actor-known', 'purpose-specified', 'purpose-household', 'involvement-required', 'role-profile', 'confidentiality-max', 'special-category-basis', 'wmo-5.1.1-scope'],
    ruleVersion: '2026.1',
  };
}

async function fill(store: Store, n: number): Promise<number> {
  const { database, keyring, config, gateEnv } = storeInternals(store);
  const activity = gateEnv.activityId('pa-wmo-onderzoek');
  const t0 = performance.now();
  for (let done = 0; done < n; ) {
    const size = Math.min(2000, n - done);
    const batch = Array.from({ length: size }, (_, k) => entry(activity, keyring, done + k));
    await database.db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, config.log.chains, batch));
    done += size;
  }
  return (performance.now() - t0) / 1000;
}

async function measure(label: string, store: Store, n: number) {
  const fillSeconds = await fill(store, n);
  // Side by side in one run: the default (on PostgreSQL with more than one core: a worker thread per
  // core, each with its own connections; PGlite always verifies in the main thread) and the main thread
  // only; three runs each, the median reported.
  const variants: Record<string, { threads?: number }> = { byDefault: {}, mainThread: { threads: 0 } };
  const out: Record<string, unknown> = { entries: n, appendPerSecond: Math.round(n / fillSeconds) };
  for (const [name, options] of Object.entries(variants)) {
    const runs: number[] = [];
    let threads = 0;
    for (let i = 0; i < 3; i++) {
      const r = await verifyProcessingLog(store, undefined, options);
      if (!r.ok) throw new Error(`log not intact in the benchmark: ${JSON.stringify(r.failure)}`);
      runs.push(r.entries / r.seconds);
      threads = r.threads;
    }
    runs.sort((a, b) => a - b);
    out[name] = { verifyPerSecond: Math.round(runs[1]!), verifyRuns: runs.map(Math.round), workerThreads: threads };
  }
  const w = (out.byDefault as { verifyPerSecond: number }).verifyPerSecond;
  const m = (out.mainThread as { verifyPerSecond: number }).verifyPerSecond;
  out.verifyPerSecond = w;
  out.defaultOverMainThread = Math.round((w / m) * 100) / 100;
  console.log(`${label}: ${n} entries; append ${out.appendPerSecond}/s; verify median ${w}/s by default (${(out.byDefault as { workerThreads: number }).workerThreads} worker threads), ${m}/s in the main thread`);
  return out;
}

export async function run(): Promise<object> {
  const results: Record<string, unknown> = { benchmark: 'log verify', target: '>= 200000 entries/s', node: process.version, chains: 16, cores: availableParallelism() };
  const targets = (process.env.BENCH_TARGETS ?? 'pglite,postgresql').split(',');
  const dir = mkdtempSync(join(tmpdir(), 'zv-bench-verify-'));
  if (targets.includes('pglite')) try {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir });
    const store = await openStore(config, { keyring: new Keyring(Keyring.generateMaterial()), migrate: true });
    results.pglite = await measure('pglite', store, ENTRIES_PGLITE);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.DATABASE_URL && targets.includes('postgresql')) {
    const name = `zv_bench_verify_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    try {
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url.toString() });
      const store = await openStore(config, { keyring: new Keyring(Keyring.generateMaterial()), migrate: true });
      results.postgresql = await measure('postgresql', store, ENTRIES);
      await store.close();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return results;
}
