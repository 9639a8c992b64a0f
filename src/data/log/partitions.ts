/**
 * The processing log's month partitions (migration 0010): made ahead, so that an entry goes to the
 * partition of its month and not to the default partition. Creating one locks the log for a moment, so
 * they are made a few months before they are needed — at start and by the server's job — and never on
 * the path of a request.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Months made ahead, counting the current one. */
export const LOG_MONTHS_AHEAD = 3;

/** Make the month partitions from `since`'s month (UTC) for `months` months; returns how many were made. */
export async function ensureLogPartitions(db: Kysely<DB>, since: Date, months = LOG_MONTHS_AHEAD): Promise<number> {
  const r = await sql<{ made: number }>`select zv_ensure_log_partitions(${since.toISOString()}::timestamptz, ${months}::int) as made`.execute(db);
  return Number(r.rows[0]!.made);
}

/** The log's partitions with their bounds and an estimate of their entries (the planner's, not a count). */
export async function logPartitions(db: Kysely<DB>): Promise<Array<{ name: string; bounds: string; estimatedEntries: number }>> {
  const r = await sql<{ name: string; bounds: string; estimated: number }>`
    select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bounds, greatest(c.reltuples, 0)::int8 as estimated
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'processing_log'::regclass order by c.relname`.execute(db);
  return r.rows.map((row) => ({ name: row.name, bounds: row.bounds, estimatedEntries: Number(row.estimated) }));
}
