/**
 * PostgreSQL connections: the pool with the driver's types aligned to PGlite's (int8 → number, date and
 * interval → string), and the binary COPY reader of `log verify`. Apart from db.ts, only the `log
 * verify` worker threads use this directly (they open their own connections).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const OID_INT8 = 20;
const OID_DATE = 1082;
const OID_INTERVAL = 1186;

export type CopyOut = (query: string, settings?: Readonly<Record<string, string>>) => AsyncIterable<Buffer>;

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (v: string) => unknown {
    if (oid === OID_INT8) return (v: string) => Number(v);
    if (oid === OID_DATE) return (v: string) => v;
    if (oid === OID_INTERVAL) return (v: string) => v;
    return pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown;
  },
};

export function pgPool(url: string, role: string | null, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: pgTypes,
    // The application role is taken at connection start, so every query of the app runs under it.
    // JIT off: short OLTP queries whose row estimates cross jit_above_cost pay for compiling (measured
    // on the 10M-entry log: a 20k-row verify page took 228 ms with JIT, 95 ms without).
    options: role ? `-c role=${role} -c jit=off` : '-c jit=off',
    application_name: role ? 'zorgvuldig' : 'zorgvuldig-owner',
    connectionTimeoutMillis: 5000,
  });
  // An idle client that loses its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  // Nor may a checked-out one: pg emits 'error' on a client whose connection dies between queries, and
  // the pool listens only while the client is idle. The query in flight is rejected anyway (→ 503
  // SERVICE.UNAVAILABLE), and the pool discards the broken client when it is released (issue 8).
  const statements = new PreparedStatements();
  pool.on('connect', (client) => {
    client.on('error', () => {});
    statements.attach(client);
  });
  return pool;
}

/**
 * Named prepared statements for the statements the app runs again and again. The query builder sends
 * each statement as an unnamed one, which PostgreSQL parses and plans on every execution; for the gate's
 * larger statements (its facts, the plan with goals and sub-activities, the log append) planning cost
 * more than executing (issue 3's gated read). A text with parameters seen a second time gets a name: each
 * connection parses it once and PostgreSQL may keep a generic plan for it. Texts without parameters
 * (BEGIN, scripts with several statements) are left alone, and at most MAX_NAMED texts get a name, so
 * statements built with a varying number of parameters cannot fill the server's memory.
 */
export class PreparedStatements {
  static readonly MAX_NAMED = 1000;
  private readonly seen = new Map<string, string | null>();
  private named = 0;

  nameFor(text: string): string | null {
    const known = this.seen.get(text);
    if (known !== undefined) {
      if (known !== null || this.named >= PreparedStatements.MAX_NAMED) return known;
      const name = `zv_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      this.seen.set(text, name);
      this.named++;
      return name;
    }
    if (this.seen.size < PreparedStatements.MAX_NAMED * 4) this.seen.set(text, null);
    return null;
  }

  attach(client: pg.PoolClient): void {
    // The driver's own query(), looked up on each call (a wrapper put on the prototype — the scale
    // benchmark counts round trips that way — still sees every statement).
    const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
    const query = (...args: unknown[]) => proto.query.apply(client, args);
    (client as { query: unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
        const name = this.nameFor(text);
        if (name) return query({ name, text, values });
      }
      return callback === undefined ? (values === undefined ? query(text) : query(text, values)) : query(text, values, callback);
    };
  }
}

/** SET LOCAL statements for planner settings given by code (names and values are checked, not quoted). */
export function setLocal(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([k, v]) => {
      if (!/^[a-z_]+$/.test(k) || !/^[a-z0-9_]+$/.test(v)) throw new Error(`bad setting ${k}`);
      return `set local ${k} = ${v};`;
    })
    .join(' ');
}

/** Binary COPY out of a pool: one connection per call, in its own transaction with `settings` local to it. */
export function pgCopyOut(pool: pg.Pool): CopyOut {
  return async function* copyOutBinary(query, settings = {}) {
    const client = await pool.connect();
    let finished = false;
    try {
      await client.query(`begin; ${setLocal(settings)}`);
      const stream = client.query(copyTo(`copy (${query}) to stdout with (format binary)`));
      for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
      await client.query('commit');
      finished = true;
    } finally {
      // A stream left before its end (an error, or the reader stopped) leaves the connection mid-COPY:
      // discard it rather than hand it back to the pool.
      client.release(finished ? undefined : true);
    }
  };
}

