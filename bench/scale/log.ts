/**
 * The processing log at scale, through the real writer (appendEntries: HMAC chains, one transaction per
 * batch, chains taken with FOR UPDATE SKIP LOCKED), so that the result verifies like any log:
 *
 *   - fillLog: bulk generation up to N entries — what two years of a city's work leave behind: most
 *     entries are professionals reading the households they work for, some are residents reading their
 *     own file, some are system work; spread over the last 24 months;
 *   - appendRate: durable append throughput with W concurrent writers and B entries per transaction;
 *   - whoViewed: the residents' "who viewed my data" query (queryAccessLog of
 *     src/data/repository/residents/access-log.ts: count + newest page with its joins, last 12 months).
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Keyring } from '../../src/core/crypto/keyring.ts';
import { STATUS_OK, SUBJECT_ID_TYPE, type LogEntry } from '../../src/core/log/entry.ts';
import type { DB } from '../../src/data/schema.ts';
import { appendEntries } from '../../src/data/log/writer.ts';
import { ACCESS_LOG_COUNT_MAX, queryAccessLog } from '../../src/data/repository/residents/access-log.ts';
import { shuffle } from './world.ts';

export interface LogWorld {
  /** Residents of households with a case, with a professional involved there and the help request. */
  cases: Array<{ resident: string; household: string; helpRequest: string | null; professional: string; organisation: string }>;
  residents: string[];
  activities: { work: string; portal: string; system: string };
}

/** The residents "who viewed" is measured for: 600 with a case, 300 at random (the same on every run of a database). */
export function whoViewedResidents(world: LogWorld): { withACase: string[]; any: string[] } {
  return { withACase: shuffle([...new Set(world.cases.map((c) => c.resident))], 5).slice(0, 600), any: shuffle(world.residents, 6).slice(0, 300) };
}

export async function logWorld(db: Kysely<DB>, activityId: (code: string) => string): Promise<LogWorld> {
  const cases = (
    await sql<{ resident: string; household: string; help_request: string | null; professional: string; organisation: string }>`
      select distinct on (m.resident_id) m.resident_id as resident, i.household_id as household, i.help_request_id as help_request, i.professional_id as professional, p.organisation_id as organisation
      from involvement i join household_member m on m.household_id = i.household_id join professional p on p.id = i.professional_id`.execute(db)
  ).rows.map((r) => ({ resident: r.resident, household: r.household, helpRequest: r.help_request, professional: r.professional, organisation: r.organisation }));
  const residents = (await sql<{ id: string }>`select id from resident`.execute(db)).rows.map((r) => r.id);
  const pick = (...codes: string[]) => {
    for (const c of codes) {
      try {
        return activityId(c);
      } catch {
        /* try the next */
      }
    }
    throw new Error(`no processing activity among ${codes.join(', ')}`);
  };
  return { cases, residents, activities: { work: pick('pa-wmo-onderzoek'), portal: pick('pa-portal', 'pa-wmo-onderzoek'), system: pick('pa-system', 'pa-portal', 'pa-wmo-onderzoek') } };
}

const DAY = 86_400_000;

/** Unique hex ids without a random-number call per entry (a per-run random prefix and a counter). */
const RUN = randomBytes(8).toString('hex');
let counter = 0;
function hexId(chars: 16 | 32): string {
  const c = (counter++).toString(16).padStart(16, '0');
  return chars === 16 ? c : `${RUN}${c}`;
}

/** A resident's pseudonym is a keyed HMAC of the id: the same for every entry about them, so computed once. */
const pseudonyms = new Map<string, string>();
function pseudonymOf(keyring: Keyring, resident: string): string {
  let p = pseudonyms.get(resident);
  if (p === undefined) {
    p = keyring.pseudonym(resident);
    pseudonyms.set(resident, p);
  }
  return p;
}
const RULES = ['gate-actor-known', 'purpose-specified', 'purpose-household', 'involvement-required', 'role-profile', 'confidentiality-max'];
const RULES_PORTAL = RULES.slice(0, 2);

/**
 * One synthetic but well-formed entry: `i` picks who, about whom and when (deterministic mix). Built as
 * one object literal with every field in the order of LogEntry, as the gate session builds its entries:
 * an object spread into a literal with more fields than it has gives V8 a slow (dictionary) object, and
 * the writer's reads of such objects made the harness cost more than the writer (profiled).
 */
export function makeEntry(world: LogWorld, keyring: Keyring, i: number, now: number, spanDays = 730): LogEntry {
  const r = (Math.imul(i ^ 0x9e3779b9, 2654435761) >>> 0) / 4294967296;
  const start = now - Math.floor(r * spanDays * DAY) - (i % 1000);
  const kind = i % 20;
  const work = kind < 17 && world.cases.length > 0;
  const c = work ? world.cases[(i * 7919) % world.cases.length]! : null;
  const resident = c ? c.resident : world.residents[(i * 104729) % world.residents.length]!;
  const portal = !work && kind < 19;
  // One professional's read in a hundred is denied (not involved, or a confidentiality the role does not
  // reach): the resident's view leaves denials out, and log_denial indexes them.
  const denied = c !== null && i % 100 === 7;
  return {
    traceId: hexId(32),
    spanId: hexId(16),
    parentSpanId: hexId(16),
    name: c ? (kind < 12 ? 'household.read' : kind < 15 ? 'help_request.read' : 'caseload.list') : portal ? 'portal.overview' : 'system.retention',
    startTime: new Date(start),
    endTime: new Date(start + 4 + (i % 20)),
    statusCode: STATUS_OK,
    processingActivityId: c ? world.activities.work : portal ? world.activities.portal : world.activities.system,
    dataSubjectId: pseudonymOf(keyring, resident),
    dataSubjectIdType: SUBJECT_ID_TYPE,
    actorKind: c ? 'professional' : portal ? 'resident' : 'system',
    actorId: c ? c.professional : portal ? resident : null,
    actorRole: c ? 'professional' : portal ? 'resident' : 'system:retention',
    organisationId: c ? c.organisation : null,
    purposeHelpRequestId: c ? c.helpRequest : null,
    purposeCode: c ? 'help_request' : portal ? 'portal' : 'retention',
    action: c && kind >= 15 ? 'list' : 'read',
    objectType: c ? (kind < 12 ? 'household' : 'help_request') : 'resident',
    objectId: c ? (kind < 12 ? c.household : c.helpRequest) : resident,
    categories: c ? ['address', 'contact', 'identity'] : ['identity'],
    decision: denied ? 'deny' : 'permit',
    ruleIds: denied ? RULES.slice(0, 4) : c ? RULES : RULES_PORTAL,
    ruleVersion: '2026.1',
  };
}

/** Append entries until the log holds `target`; returns what was added and how long it took. */
export async function fillLog(
  db: Kysely<DB>,
  keyring: Keyring,
  chains: number,
  world: LogWorld,
  target: number,
  opts: { writers?: number; batch?: number; onProgress?: (done: number, total: number) => void; owner?: Kysely<DB> } = {},
): Promise<{ added: number; seconds: number; perSecond: number; writerSeconds: number; indexesRebuilt: string[]; indexSeconds: number }> {
  const have = Number((await sql<{ n: number }>`select count(*)::int8 as n from processing_log`.execute(db)).rows[0]!.n);
  const todo = Math.max(0, target - have);
  const batch = opts.batch ?? 2000;
  // Bulk loading: the secondary indexes of the log tables are dropped during the fill and rebuilt from
  // their own definitions afterwards (primary keys and the unique chain/seq stay, so the writer's
  // guarantees hold throughout). What is timed is therefore the writer plus the index builds.
  const owner = opts.owner ?? db;
  const secondary = todo >= Number(process.env.SCALE_BULK_INDEXES_FROM ?? 1_000_000) ? await secondaryIndexes(owner) : [];
  for (const ix of secondary) await sql`drop index ${sql.id(ix.name)}`.execute(owner);
  const now = Date.now();
  let next = 0;
  let done = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.writers ?? 4 }, async () => {
      while (next < todo) {
        const from = next;
        const size = Math.min(batch, todo - from);
        next += size;
        const entries = Array.from({ length: size }, (_, k) => makeEntry(world, keyring, have + from + k, now));
        await db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, chains, entries));
        done += size;
        opts.onProgress?.(done, todo);
      }
    }),
  );
  const writerSeconds = (performance.now() - t0) / 1000;
  for (const ix of secondary) await sql.raw(ix.definition).execute(owner);
  const seconds = (performance.now() - t0) / 1000;
  return {
    added: todo,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: seconds > 0 ? Math.round(todo / seconds) : 0,
    writerSeconds: Math.round(writerSeconds * 10) / 10,
    indexesRebuilt: secondary.map((i) => i.name),
    indexSeconds: Math.round((seconds - writerSeconds) * 10) / 10,
  };
}

/** Non-unique indexes of the log tables, with the statement that creates each. */
export async function secondaryIndexes(db: Kysely<DB>): Promise<Array<{ name: string; definition: string }>> {
  const rows = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
    where i.schemaname = 'public' and i.tablename in ('processing_log', 'access_record') and not x.indisunique and not x.indisprimary`.execute(db);
  return rows.rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
}

/** Durable appends (synchronous_commit as the server has it) by `writers` concurrent transactions of `perTx` entries. */
export async function appendRate(
  db: Kysely<DB>,
  keyring: Keyring,
  chains: number,
  world: LogWorld,
  writers: number,
  perTx: number,
  seconds: number,
): Promise<{ writers: number; entriesPerTransaction: number; transactions: number; entries: number; entriesPerSecond: number; transactionsPerSecond: number; p50Ms: number; p99Ms: number }> {
  const until = performance.now() + seconds * 1000;
  const now = Date.now();
  let i = 50_000_000 + Math.floor(Math.random() * 1e6);
  let transactions = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < until) {
        const entries = Array.from({ length: perTx }, () => makeEntry(world, keyring, i++, now, 1));
        const s = performance.now();
        await db.transaction().execute((tx) => appendEntries(tx, keyring.logKey, chains, entries));
        latencies.push(performance.now() - s);
        transactions++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0) * 10) / 10;
  return {
    writers,
    entriesPerTransaction: perTx,
    transactions,
    entries: transactions * perTx,
    entriesPerSecond: Math.round((transactions * perTx) / elapsed),
    transactionsPerSecond: Math.round(transactions / elapsed),
    p50Ms: q(0.5),
    p99Ms: q(0.99),
  };
}

/**
 * The "who viewed my data" query of the residents' portal, for one pseudonym: the repository's own query
 * (count up to 1,000 + the newest page with its joins), run directly on the database. Without a
 * restriction, as for nearly every resident.
 */
export async function whoViewed(db: Kysely<DB>, pseudonym: string, start: Date, end: Date, pageSize = 50): Promise<number> {
  const { rows } = await queryAccessLog(db, pseudonym, { objectIds: [], categories: [] }, start, end, pageSize, 0, ACCESS_LOG_COUNT_MAX);
  return rows.length;
}

export interface LatencyFigures {
  queries: number;
  concurrency: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanRows: number;
}

/** Latency of whoViewed over many residents, `concurrency` at a time. */
export async function whoViewedLatency(db: Kysely<DB>, keyring: Keyring, residents: string[], concurrency: number): Promise<LatencyFigures> {
  const end = new Date(Date.now() + DAY);
  const start = new Date(end.getTime() - 366 * DAY);
  const list = shuffle(residents, concurrency + 3);
  const lat: number[] = [];
  let rows = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < list.length) {
        const r = list[next++]!;
        const s = performance.now();
        // Awaited first, then added: `rows += await …` reads rows before the await and loses the other workers' additions.
        const n = await whoViewed(db, keyring.pseudonym(r), start, end);
        rows += n;
        lat.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => Math.round((lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0) * 10) / 10;
  return { queries: lat.length, concurrency, perSecond: Math.round(lat.length / elapsed), p50Ms: q(0.5), p90Ms: q(0.9), p99Ms: q(0.99), maxMs: q(1), meanRows: Math.round((rows / Math.max(1, lat.length)) * 10) / 10 };
}

/**
 * The same fill in several processes (bench/scale/fill-worker.ts), for a large log on a shared machine:
 * each process hashes its own entries and commits through the real writer. The secondary indexes of the
 * log tables are dropped first (their definitions kept in `keep`, so that a stopped run can rebuild
 * them) and rebuilt at the end.
 */
export async function fillLogParallel(
  owner: Kysely<DB>,
  target: number,
  processes: number,
  env: Record<string, string>,
  keep: { dropped?: Array<{ name: string; definition: string }>; save: (dropped: Array<{ name: string; definition: string }>) => void },
  onProgress?: (done: number, total: number) => void,
): Promise<{ added: number; seconds: number; perSecond: number; writerSeconds: number; indexesRebuilt: string[]; indexSeconds: number; processes: number }> {
  const { spawn } = await import('node:child_process');
  const have = Number((await sql<{ n: number }>`select count(*)::int8 as n from processing_log`.execute(owner)).rows[0]!.n);
  const todo = Math.max(0, target - have);
  const t0 = performance.now();
  const found = await secondaryIndexes(owner);
  const dropped = [...(keep.dropped ?? []).filter((d) => !found.some((f) => f.name === d.name)), ...found];
  keep.save(dropped);
  for (const ix of found) await sql`drop index ${sql.id(ix.name)}`.execute(owner);
  const root = new URL('../../', import.meta.url).pathname;
  const share = Math.ceil(todo / processes);
  const progress = new Array<number>(processes).fill(0);
  await Promise.all(
    Array.from({ length: processes }, (_, k) => {
      const count = Math.max(0, Math.min(share, todo - k * share));
      if (count === 0) return Promise.resolve();
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/scale/fill-worker.ts'], {
        cwd: root,
        env: { ...process.env, ...env, FILL_COUNT: String(count), FILL_OFFSET: String(have + k * share) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.stdout!.on('data', (d: Buffer) => {
        const last = d.toString().trim().split('\n').pop();
        if (last) progress[k] = Number(last);
        onProgress?.(progress.reduce((a, b) => a + b, 0), todo);
      });
      return new Promise<void>((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`fill worker ${k} exited ${code}`)))));
    }),
  );
  const writerSeconds = (performance.now() - t0) / 1000;
  for (const ix of dropped) await sql.raw(ix.definition).execute(owner);
  keep.save([]);
  const seconds = (performance.now() - t0) / 1000;
  return {
    added: todo,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: seconds > 0 ? Math.round(todo / seconds) : 0,
    writerSeconds: Math.round(writerSeconds * 10) / 10,
    indexesRebuilt: dropped.map((i) => i.name),
    indexSeconds: Math.round((seconds - writerSeconds) * 10) / 10,
    processes,
  };
}
