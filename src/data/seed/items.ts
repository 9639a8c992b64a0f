/**
 * Data items with provenance (R1.2, R2.4, R6): every item belongs to the help request it was collected
 * for, and carries its category, source, legal basis (the task's basis rule), confidentiality level,
 * the secrecy it inherits from a provider (beroepsgeheim), its retention class and who recorded it.
 * Sealed categories (special, criminal, BSN) are marked here and encrypted by the loader.
 */
import { ageOn, between, addDays, minIso } from './dates.ts';
import type { HouseholdDraft } from './households.ts';
import { isSealed, taskAllows, type SeedModel, type TaskCode } from './model.ts';
import type { Organisation } from './organisations.ts';
import { ONCE, PROFILES } from './profiles.ts';
import type { Rng } from './prng.ts';
import type { RequestDraft } from './requests.ts';
import type { DataItemSeed, InvolvementRow, SubActivityRow } from './types.ts';
import { valueFor, type ValueContext } from './vocabulary/values.ts';

export interface ItemContext {
  asOf: string;
  itemsPerRequest: number;
  model: SeedModel;
}

/** Provider-sourced categories and the secrecy of the kind of provider that supplies them. */
const PROVIDER_SECRECY: Record<string, string> = {
  care_needs: 'wmo',
  health_physical: 'wgbo',
  health_mental: 'big',
  addiction: 'big',
  youth_care: 'jeugdhulpverlener',
};

/** Where an item of this category came from, for this task (Suwinet only for Pw and Wgs: Suwi art. 62). */
function sourceFor(category: string, task: TaskCode, rng: Rng): { source: string; secrecy: string | null } {
  const suwiAllowed = task.startsWith('pw-') || task.startsWith('wgs-');
  const pick = (...opts: [string, number][]) => rng.weighted(opts.map(([value, weight]) => ({ value, weight })));
  let source: string;
  switch (category) {
    case 'identity':
    case 'address':
    case 'bsn':
      source = 'brp';
      break;
    case 'household_composition':
      source = pick(['brp', 1], ['resident', 1]);
      break;
    case 'contact':
    case 'religion':
    case 'ethnicity':
      source = 'resident';
      break;
    case 'case':
    case 'plan':
    case 'safety':
      source = 'own_observation';
      break;
    case 'income':
    case 'assets':
    case 'work_education':
      source = suwiAllowed ? pick(['suwi', 3], ['resident', 2]) : 'resident';
      break;
    case 'payment_arrears':
      // Early signals from landlords, energy, water and health insurers may serve the Wgs only.
      source = task === 'wgs-vroegsignalering' ? 'payment_signal' : pick(['resident', 1], ['own_observation', 1]);
      break;
    case 'youth_care':
      source = pick(['provider', 4], ['resident', 1]);
      break;
    case 'care_needs':
    case 'health_physical':
    case 'health_mental':
    case 'addiction':
      source = pick(['resident', 3], ['own_observation', 1], ['provider', 2]);
      break;
    default:
      source = pick(['resident', 2], ['own_observation', 1]);
  }
  return { source, secrecy: source === 'provider' ? (PROVIDER_SECRECY[category] ?? null) : null };
}

function valueContext(d: HouseholdDraft, r: RequestDraft, date: string): ValueContext {
  const res = r.member.resident;
  const children = d.members.filter((m) => m.relation === 'child');
  return {
    task: r.task,
    givenNames: res.given_names,
    birthDate: res.birth_date,
    age: ageOn(res.birth_date, date),
    street: res.street ?? '',
    houseNumber: `${res.house_number ?? ''}${res.house_letter ?? ''}${res.house_number_addition ? `-${res.house_number_addition}` : ''}`,
    postcode: res.postcode ?? '',
    city: res.city ?? '',
    phone: res.phone ?? null,
    email: res.email ?? null,
    bsn: r.member.resident.bsn,
    householdSize: d.members.length,
    adults: d.members.length - children.length,
    childAges: children.map((c) => c.age),
    date,
  };
}

/** Items a consulent recorded for one help request: identity first, then what the task typically needs. */
export function requestItems(rng: Rng, ctx: ItemContext, d: HouseholdDraft, r: RequestDraft, caseWorkers: InvolvementRow[]): DataItemSeed[] {
  const profile = PROFILES[r.task];
  const task = ctx.model.tasks[r.task];
  // Registered-only and withdrawn requests hold little; the rest vary around itemsPerRequest.
  const scale = r.row.status === 'registered' || r.row.status === 'withdrawn' ? 0.4 : 0.7 + 0.6 * rng.next();
  const count = Math.max(2, Math.round(ctx.itemsPerRequest * scale));
  let pool = profile.categories.filter((c) => taskAllows(ctx.model, r.task, c.value));
  const categories = ['identity'];
  while (categories.length < count && pool.length > 0) {
    const c = rng.weighted(pool);
    categories.push(c);
    if (ONCE.has(c)) pool = pool.filter((p) => p.value !== c);
  }
  const end = minIso(r.ended ?? ctx.asOf, addDays(ctx.asOf, -1) + 'T23:59:00.000Z');
  return categories.map((category) => {
    const recordedAt = between(r.registered, end, rng);
    const recorder = caseWorkers.find((i) => String(i.valid_from) <= recordedAt && (i.valid_until === null || recordedAt < String(i.valid_until)));
    const { source, secrecy } = sourceFor(category, r.task, rng);
    return {
      id: rng.uuid(),
      resident_id: r.member.resident.id,
      household_id: d.household.id,
      help_request_id: r.row.id,
      sub_activity_id: null,
      category,
      source,
      legal_basis: task.basisRule,
      confidentiality: ctx.model.categories[category]?.confidentiality ?? 'vertrouwelijk',
      secrecy_origin: secrecy,
      retention_class: ctx.model.retention[r.domain],
      value: valueFor(category, valueContext(d, r, recordedAt), rng),
      sealed: isSealed(ctx.model, category),
      recorded_by: recorder?.professional_id ?? r.caseWorker,
      recorded_at: recordedAt,
    };
  });
}

/**
 * A chain partner's own records for a sub-activity it carries out: the director sees only that they
 * exist (DAT, R2.3). Where the task has a basis for care records (a special category) they are
 * care_record items; elsewhere (budget coaching, re-integration) ordinary progress notes ('case').
 */
export function careRecords(
  rng: Rng,
  ctx: ItemContext,
  d: HouseholdDraft,
  r: RequestDraft,
  sub: SubActivityRow,
  org: Organisation,
  provider: string,
): DataItemSeed[] {
  if (sub.status === 'proposed') return [];
  const from = `${sub.since}T08:00:00.000Z`;
  const to = minIso(sub.until ? `${sub.until}T16:00:00.000Z` : ctx.asOf, addDays(ctx.asOf, -1) + 'T23:59:00.000Z');
  const category = taskAllows(ctx.model, r.task, 'care_record') ? 'care_record' : 'case';
  const n = rng.int(1, 3);
  const out: DataItemSeed[] = [];
  for (let i = 0; i < n; i++) {
    const recordedAt = between(from, to, rng);
    out.push({
      id: rng.uuid(),
      resident_id: sub.resident_id,
      household_id: d.household.id,
      help_request_id: sub.help_request_id,
      sub_activity_id: sub.id,
      category,
      source: 'provider',
      legal_basis: ctx.model.tasks[r.task].basisRule,
      confidentiality: ctx.model.categories[category]?.confidentiality ?? 'vertrouwelijk',
      secrecy_origin: org.secrecyOrigin,
      retention_class: ctx.model.retention[r.domain],
      value: valueFor('care_record', valueContext(d, r, recordedAt), rng),
      sealed: isSealed(ctx.model, category),
      recorded_by: provider,
      recorded_at: recordedAt,
    });
  }
  return out;
}
