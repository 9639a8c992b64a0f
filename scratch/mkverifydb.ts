import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config/config.ts';
import { Keyring } from '../src/core/crypto/keyring.ts';
import { STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../src/core/log/entry.ts';
import { openStore, verifyProcessingLog } from '../src/data/index.ts';
import { storeInternals } from '../src/data/store-internals.ts';
import { appendEntries } from '../src/data/log/writer.ts';
import { writeFileSync } from 'node:fs';
const N = Number(process.env.N ?? 1_000_000);
const name = 'zv_scratch_verify';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name}`);
await admin.end();
const material = Keyring.generateMaterial();
writeFileSync('scratch/verify-keys.json', JSON.stringify(material));
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}` });
const store = await openStore(config, { keyring: new Keyring(material), migrate: true });
const { database, keyring, gateEnv } = storeInternals(store);
const activity = gateEnv.activityId('pa-wmo-onderzoek');
function entry(i: number): LogEntry {
  const t = new Date(Date.UTC(2026, 0, 1) + i * 1000);
  return { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), parentSpanId: randomBytes(8).toString('hex'), name: 'household.read', startTime: t, endTime: new Date(t.getTime() + 7), statusCode: STATUS_OK, processingActivityId: activity, dataSubjectId: keyring.pseudonym(`resident-${i % 5000}`), dataSubjectIdType: SUBJECT_ID_TYPE, actorKind: 'professional', actorId: randomUUID(), actorRole: 'professional', organisationId: randomUUID(), purposeHelpRequestId: randomUUID(), purposeCode: 'help_request', action: 'read', objectType: 'household', objectId: randomUUID(), categories: ['address', 'care_needs', 'identity'], decision: 'permit', ruleIds: ['gate-actor-known', 'purpose-specified', 'purpose-household', 'involvement-required', 'role-profile', 'confidentiality-max', 'special-category-basis', 'wmo-5.1.1-scope'], ruleVersion: '2026.1' };
}
const t0 = performance.now();
for (let done = 0; done < N; ) {
  const size = Math.min(2000, N - done);
  const batch = Array.from({ length: size }, (_, k) => entry(done + k));
  await database.db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, config.log.chains, batch));
  done += size;
}
console.log('fill', (performance.now() - t0) / 1000);
for (let i = 0; i < 3; i++) { const r = await verifyProcessingLog(store, undefined, {}); console.log(r.ok, r.entries, Math.round(r.entries / r.seconds), r.threads); }
for (let i = 0; i < 2; i++) { const r = await verifyProcessingLog(store, undefined, { threads: 0 }); console.log('main', r.ok, r.entries, Math.round(r.entries / r.seconds), r.threads); }
await store.close();
