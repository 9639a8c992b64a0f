/**
 * Seeding the synthetic municipality (issue 2 item 4): generate (pure, deterministic) → seal → load.
 * `zorgvuldig seed` and `zorgvuldig start --demo` reach it through src/data/seed-logged.ts, which
 * plugs the processing-log hook (system context 'seed') into onBatch.
 * Requires the reference data (loadReferenceData) first: help requests name tasks of the
 * municipal_task table, and the categories follow the loaded rules catalogue.
 */
import { sql } from 'kysely';
import type { Catalogue } from '../../core/policy/catalogue.ts';
import type { Store } from '../store-internals.ts';
import { storeInternals } from '../store-internals.ts';
import { generateMunicipality, type GenerateOptions } from './generate.ts';
import { insertBatch, prepareBatch, type OnBatch, type OnBatchEnd } from './load.ts';
import { modelFromCatalogue } from './model.ts';
import { emptyBatch, TABLE_ORDER, type SeedTable } from './types.ts';
import { recordDueMatches } from '../repository/work/matching-job.ts';
import { seedDemoCovenants } from './work-demo.ts';

export { DEFAULT_AS_OF, DEFAULT_ITEMS_PER_REQUEST } from './generate.ts';
export type { BatchInfo, OnBatch } from './load.ts';

export class SeedError extends Error {
  constructor(
    readonly code: 'SEED.NOT_EMPTY' | 'SEED.NO_REFERENCE_DATA',
    message: string,
  ) {
    super(message);
    this.name = 'SeedError';
  }
}

export interface SeedOptions extends Omit<GenerateOptions, 'model'> {
  /** Called after every batch with residents loaded so far and the total. */
  onProgress?(done: number, total: number): void;
  /** Called inside every batch transaction after rows that concern residents (processing log). */
  onBatch?: OnBatch;
  /** Called at the end of every batch transaction (after the last onBatch of the batch). */
  onBatchEnd?: OnBatchEnd;
}

export interface SeedSummary {
  residents: number;
  counts: Record<SeedTable, number>;
}

/** True when no resident, household, organisation or professional exists (reference data may). */
export async function isEmptyDatabase(store: Store): Promise<boolean> {
  const { db } = storeInternals(store).database;
  const { rows } = await sql<{ any: boolean }>`
    select exists (select 1 from resident) or exists (select 1 from household)
        or exists (select 1 from organisation) or exists (select 1 from professional) as any`.execute(db);
  return !rows[0]!.any;
}

/**
 * Generate and load a municipality of opts.residents residents. Refuses a non-empty database: seeding
 * is for a fresh installation, never a way to mix fictitious people into real data.
 */
export async function seedMunicipality(store: Store, opts: SeedOptions): Promise<SeedSummary> {
  const { database, keyring } = storeInternals(store);
  const db = database.db;
  if (!(await isEmptyDatabase(store))) {
    throw new SeedError('SEED.NOT_EMPTY', 'the database already holds residents or organisations; seed only an empty database');
  }
  const tasks = await db.selectFrom('municipal_task').select('code').execute();
  if (tasks.length === 0) {
    throw new SeedError('SEED.NO_REFERENCE_DATA', 'no municipal tasks: load the reference data (rules catalogue) first');
  }
  // Follow the newest loaded catalogue, so the data never contradicts the rules the gate applies.
  const latest = await db.selectFrom('rule_catalogue').select('content').orderBy('effective_from', 'desc').orderBy('loaded_at', 'desc').limit(1).executeTakeFirst();
  const model = latest ? modelFromCatalogue(latest.content as Pick<Catalogue, 'tasks' | 'categories'>) : undefined;

  const counts = Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<SeedTable, number>;
  const perLoad = opts.batchHouseholds ?? 500;
  let done = 0;
  // Generation and encryption (CPU here) overlap with the insert of the previous batch (CPU in
  // PostgreSQL): the generator yields small slices and we yield to the event loop after each, so the
  // transaction in flight keeps sending its statements. Transactions still run one after the other,
  // so the first (organisations, staff, demo household) commits before any household refers to it.
  let inflight: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  let acc = emptyBatch();
  let accResidents = 0;
  let first = true;
  const flush = async () => {
    const prepared = prepareBatch(acc, keyring, Boolean(opts.onBatch));
    const residents = accResidents;
    acc = emptyBatch();
    accResidents = 0;
    await inflight;
    if (failure) throw failure.error;
    inflight = insertBatch(db, prepared, opts.onBatch, opts.onBatchEnd).then(
      (loaded) => {
        for (const t of TABLE_ORDER) counts[t] += loaded[t];
        done += residents;
        opts.onProgress?.(done, opts.residents);
      },
      (error: unknown) => {
        failure = { error };
      },
    );
  };
  for (const slice of generateMunicipality({ ...opts, model, batchHouseholds: 50 })) {
    for (const t of TABLE_ORDER) (acc[t] as unknown[]).push(...slice[t]);
    accResidents += slice.residentCount;
    if (first || acc.household.length >= perLoad) {
      await flush();
      first = false;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (failure) break;
  }
  if (!failure && (acc.household.length > 0 || accResidents > 0)) await flush();
  await inflight;
  if (failure) throw (failure as { error: unknown }).error;
  // The demo's covenants with its chain partners (issue 5; src/data/seed/work-demo.ts).
  await seedDemoCovenants(db);
  // The seeded involvements did not start in the app: the matching job tells their professionals of
  // each other (R1.5), as it would for an import.
  await recordDueMatches(store);
  return { residents: done, counts };
}
