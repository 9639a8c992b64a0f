/**
 * Loads generated batches: encrypts what must never be stored in the clear (BSN: UAVG art. 46;
 * special categories and criminal data: AVG art. 9/10; R2.4), then inserts with multi-row INSERTs
 * (about 1,000 rows per statement), one transaction per batch, parents before children.
 *
 * After inserting rows that concern residents, the loader calls onBatch(tx, …) inside the same
 * transaction: the processing-log writer plugs in there, so seeding is logged under a named system
 * context and a batch that cannot be logged is not stored either (fail closed, R6.1).
 */
import type { Kysely, Transaction } from 'kysely';
import { fieldAad, type Keyring } from '../../core/crypto/keyring.ts';
import type { DB } from '../schema.ts';
import { TABLE_ORDER, type SeedBatch, type SeedTable } from './types.ts';

export interface BatchInfo {
  table: SeedTable;
  /** Residents the inserted rows are about (deduplicated). */
  residentIds: string[];
}

export type OnBatch = (tx: Transaction<DB>, info: BatchInfo) => Promise<void>;
/** Called once at the end of every batch transaction, after the last table (the log hook flushes here). */
export type OnBatchEnd = (tx: Transaction<DB>) => Promise<void>;

/** Rows per INSERT statement; far below PostgreSQL's 65,535 bind parameters for every table here. */
const ROWS_PER_STATEMENT = 1000;

/** Turn generated rows into table rows: encrypt the BSN and sealed values, bind ciphertext to its row. */
export function sealBatch(batch: SeedBatch, keyring: Keyring): { [T in SeedTable]: Record<string, unknown>[] } {
  return {
    ...batch,
    resident: batch.resident.map(({ bsn, ...r }) => ({
      ...r,
      bsn_cipher: keyring.encrypt(bsn, fieldAad('resident', 'bsn_cipher', r.id)),
      bsn_index: keyring.bsnIndex(bsn),
    })),
    data_item: batch.data_item.map(({ value, sealed, ...i }) => ({
      ...i,
      value_text: sealed ? null : value,
      value_cipher: sealed ? keyring.encrypt(value, fieldAad('data_item', 'value_cipher', i.id)) : null,
    })),
  };
}

/** Which residents the rows of each table concern; household-level rows concern all members. */
function residentsOf(batch: SeedBatch, table: SeedTable): string[] {
  const members = new Map<string, string[]>();
  for (const m of batch.household_member) {
    const list = members.get(m.household_id) ?? [];
    list.push(m.resident_id);
    members.set(m.household_id, list);
  }
  const planHousehold = new Map(batch.support_plan.map((p) => [p.id, p.household_id]));
  const ids = new Set<string>();
  const add = (list: readonly string[] | undefined) => list?.forEach((id) => ids.add(id));
  switch (table) {
    case 'organisation':
    case 'professional':
      break;
    case 'resident':
      add(batch.resident.map((r) => r.id));
      break;
    case 'household':
      batch.household.forEach((h) => add(members.get(h.id)));
      break;
    case 'household_member':
      add(batch.household_member.map((m) => m.resident_id));
      break;
    case 'legal_representative':
      batch.legal_representative.forEach((r) => add([r.resident_id, r.representative_id]));
      break;
    case 'help_request':
    case 'sub_activity':
    case 'data_item':
      add(batch[table].map((r) => r.resident_id));
      break;
    case 'support_plan':
    case 'involvement':
      batch[table].forEach((r) => add(members.get(r.household_id)));
      break;
    case 'plan_goal':
      batch.plan_goal.forEach((g) => add(members.get(planHousehold.get(g.plan_id) ?? '')));
      break;
  }
  return [...ids];
}

/** A batch ready to insert: sealed rows, and per table the residents they concern (for onBatch). */
export interface PreparedBatch {
  rows: { [T in SeedTable]: Record<string, unknown>[] };
  residents: Partial<Record<SeedTable, string[]>>;
}

/** The CPU part of loading (encryption, bookkeeping), done before the transaction opens. */
export function prepareBatch(batch: SeedBatch, keyring: Keyring, withResidents: boolean): PreparedBatch {
  const residents: PreparedBatch['residents'] = {};
  if (withResidents) for (const table of TABLE_ORDER) residents[table] = residentsOf(batch, table);
  return { rows: sealBatch(batch, keyring), residents };
}

/**
 * Insert one prepared batch in one transaction, parents before children; onBatch runs inside it
 * after each table with rows about residents. Returns the number of rows per table.
 */
export async function insertBatch(db: Kysely<DB>, prepared: PreparedBatch, onBatch?: OnBatch, onBatchEnd?: OnBatchEnd): Promise<Record<SeedTable, number>> {
  const counts = {} as Record<SeedTable, number>;
  await db.transaction().execute(async (tx) => {
    for (const table of TABLE_ORDER) {
      const rows = prepared.rows[table];
      counts[table] = rows.length;
      if (rows.length === 0) continue;
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        // The rows match the table types (types.ts); the cast only crosses the generic table name.
        await tx.insertInto(table).values(rows.slice(i, i + ROWS_PER_STATEMENT) as never).execute();
      }
      const residentIds = prepared.residents[table] ?? [];
      if (onBatch && residentIds.length > 0) await onBatch(tx, { table, residentIds });
    }
    if (onBatchEnd) await onBatchEnd(tx);
  });
  return counts;
}
