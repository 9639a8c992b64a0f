import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { loadConfig } from '../src/config/config.ts';
import { Keyring } from '../src/core/crypto/keyring.ts';
import { STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../src/core/log/entry.ts';
import { openStore } from '../src/data/index.ts';
import { storeInternals } from '../src/data/store-internals.ts';
import { appendEntries } from '../src/data/log/writer.ts';
function pgCpu(): number { let t = 0; for (const p of readdirSync('/proc')) { if (!/^\d+$/.test(p)) continue; try { if (!readFileSync(`/proc/${p}/comm`, 'utf8').startsWith('postgres')) continue; const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' '); t += Number(f[11]) + Number(f[12]); } catch {} } return t / 100; }
const N = Number(process.env.N ?? 100_000), B = Number(process.env.B ?? 100);
const name = 'zv_scratch_append';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
await admin.connect(); await admin.query(`drop database if exists ${name} with (force)`); await admin.query(`create database ${name}`); await admin.end();
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` });
const store = await openStore(config, { keyring: new Keyring(Keyring.generateMaterial()), migrate: true });
const { database, keyring, gateEnv } = storeInternals(store);
if (process.env.SQL) { const c = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${name}` }); await c.connect(); await c.query(process.env.SQL); await c.end(); }
const activity = gateEnv.activityId('pa-wmo-onderzoek');
const e = (i: number): LogEntry => ({ traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), parentSpanId: randomBytes(8).toString('hex'), name: 'household.read', startTime: new Date(Date.UTC(2026, 0, 1) + i * 1000), endTime: new Date(Date.UTC(2026, 0, 1) + i * 1000 + 7), statusCode: STATUS_OK, processingActivityId: activity, dataSubjectId: keyring.pseudonym(`r-${i % 5000}`), dataSubjectIdType: SUBJECT_ID_TYPE, actorKind: 'professional', actorId: randomUUID(), actorRole: 'professional', organisationId: randomUUID(), purposeHelpRequestId: randomUUID(), purposeCode: 'help_request', action: 'read', objectType: 'household', objectId: randomUUID(), categories: ['address', 'care_needs', 'identity'], decision: 'permit', ruleIds: ['gate-actor-known', 'purpose-specified', 'involvement-required', 'role-profile'], ruleVersion: '2026.1' });
const W = Number(process.env.W ?? 8);
const batches: LogEntry[][] = []; for (let i = 0; i < N; i += B) batches.push(Array.from({ length: B }, (_, k) => e(i + k)));
const c0 = process.cpuUsage(); const p0 = pgCpu(); const t0 = performance.now();
let next = 0;
await Promise.all(Array.from({ length: W }, async () => { while (next < batches.length) { const b = batches[next++]!; await database.db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, config.log.chains, b)); } }));
const s = (performance.now() - t0) / 1000; const c = process.cpuUsage(c0);
console.log(`${W} writers x ${B}/tx: ${Math.round(N / s)} entries/s; node µs/entry ${((c.user + c.system) / N).toFixed(1)}; pg µs/entry ${((pgCpu() - p0) * 1e6 / N).toFixed(1)}`);
await store.close();
