/**
 * The synthetic municipality "Gemeente Oosterveld", generated deterministically: a seed, a resident
 * count and a reference date (asOf) give the same rows on every machine (no Math.random, no clock).
 * Pure: it yields batches of rows with secrets still in the clear; src/data/seed/load.ts encrypts
 * and inserts them. Each household draws from its own PRNG streams (households, cases, items), so
 * e.g. a different itemsPerRequest changes the data items and nothing else.
 */
import { demoHousehold } from './demo.ts';
import { BsnAllocator, generateHousehold } from './households.ts';
import { careRecords, requestItems, type ItemContext } from './items.ts';
import { DEFAULT_MODEL, type SeedModel } from './model.ts';
import { generateStaff, organisationRows, ORGANISATIONS } from './organisations.ts';
import { caseWorkerInvolvements, generatePlan } from './plans.ts';
import { Rng } from './prng.ts';
import { generateRequests } from './requests.ts';
import { emptyBatch, type SeedBatch } from './types.ts';

export const DEFAULT_AS_OF = '2026-11-01';
export const DEFAULT_ITEMS_PER_REQUEST = 8;

export interface GenerateOptions {
  /** Number of residents, the demo household included. */
  residents: number;
  seed: number;
  /** Reference date (YYYY-MM-DD): everything happened before it, some planned things after. */
  asOf?: string;
  itemsPerRequest?: number;
  /** The rules catalogue's categories and tasks (modelFromCatalogue); defaults to the built-in codes. */
  model?: SeedModel;
  /** Include the demo personas' household (default true). */
  demo?: boolean;
  /** Households per batch (default 500: about 1,000 residents, one transaction each). */
  batchHouseholds?: number;
}

export interface GeneratedBatch extends SeedBatch {
  /** Residents in this batch (for progress). */
  residentCount: number;
}

export function* generateMunicipality(opts: GenerateOptions): Generator<GeneratedBatch> {
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) throw new Error('asOf must be a date YYYY-MM-DD');
  if (!Number.isInteger(opts.residents) || opts.residents < 1) throw new Error('residents must be a positive integer');
  const model = opts.model ?? DEFAULT_MODEL;
  const itemCtx: ItemContext = { asOf, itemsPerRequest: opts.itemsPerRequest ?? DEFAULT_ITEMS_PER_REQUEST, model };
  const perBatch = opts.batchHouseholds ?? 500;

  // Batch 0: organisations, professionals and the demo household.
  const staff = generateStaff(opts.seed, opts.residents, '2015-01-01T00:00:00.000Z');
  const first: GeneratedBatch = { ...emptyBatch(), organisation: organisationRows('2015-01-01T00:00:00.000Z'), professional: staff.rows, residentCount: 0 };
  let remaining = opts.residents;
  if (opts.demo ?? true) {
    const demo = demoHousehold(model);
    Object.assign(first, demo);
    first.residentCount = demo.resident.length;
    remaining -= demo.resident.length;
  }
  yield first;

  const bsn = new BsnAllocator(opts.seed);
  const orgById = new Map(ORGANISATIONS.map((o) => [o.id, o]));
  let batch: GeneratedBatch = { ...emptyBatch(), residentCount: 0 };
  let inBatch = 0;
  for (let index = 0; remaining > 0; index++) {
    const d = generateHousehold(new Rng(opts.seed, 'household', index), { asOf, bsn }, index, remaining);
    remaining -= d.members.length;
    batch.household.push(d.household);
    batch.resident.push(...d.members.map((m) => m.resident));
    batch.household_member.push(...d.memberRows);
    batch.legal_representative.push(...d.representatives);
    batch.residentCount += d.members.length;

    const rng = new Rng(opts.seed, 'cases', index);
    const cases = generateRequests(rng, d, asOf, staff.pools);
    if (cases.requests.length > 0) {
      const caseWorkers = caseWorkerInvolvements(rng, d, cases, asOf, staff.pools);
      const plan = generatePlan(rng, d, cases, asOf, staff.pools);
      batch.help_request.push(...cases.requests.map((r) => r.row));
      batch.support_plan.push(...plan.support_plan);
      batch.plan_goal.push(...plan.plan_goal);
      batch.sub_activity.push(...plan.sub_activity);
      batch.involvement.push(...caseWorkers, ...plan.involvement);
      const items = new Rng(opts.seed, 'items', index);
      for (const r of cases.requests) {
        const mine = caseWorkers.filter((i) => i.help_request_id === r.row.id && i.role === 'case_worker');
        batch.data_item.push(...requestItems(items, itemCtx, d, r, mine));
      }
      for (const sub of plan.sub_activity) {
        const r = cases.requests.find((x) => x.row.id === sub.help_request_id)!;
        const provider = plan.involvement.find((i) => i.sub_activity_id === sub.id)!.professional_id;
        batch.data_item.push(...careRecords(items, itemCtx, d, r, sub, orgById.get(sub.organisation_id)!, provider));
      }
    }
    if (++inBatch >= perBatch) {
      yield batch;
      batch = { ...emptyBatch(), residentCount: 0 };
      inBatch = 0;
    }
  }
  if (inBatch > 0) yield batch;
}
