/**
 * 0011 — the processing log without its index on trace_id (issue 8, Enschede scale).
 *
 * No query of the product reads the log by trace id: the resident's views and the LDV export find
 * entries by data subject (processing_log_subject), the privacy officer's review by subject, actor or
 * period (processing_log_start), `log verify` by id. PostgreSQL's own statistics after a full benchmark
 * run, every page route loaded, agreed: 0 scans of processing_log_trace, against thousands of the
 * others. Yet every append paid for it, one more B-tree entry of a 32-character key per log entry: on a
 * copy of the city-scale log without it, durable appends ran faster, alternating on the same data
 * (docs/scale.md, thirteenth session).
 *
 * Should a lookup by trace id come (another system asking what happened under its trace), trace ids are
 * time-first (`newTraceId`): they follow the log's physical order, so a BRIN index on trace_id serves it
 * at almost no cost per append.
 */
import type { Kysely } from 'kysely';
import { runScript } from './sql-script.ts';

export const logWithoutTraceIndexMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await runScript(db, `drop index if exists processing_log_trace;`);
  },
};
