/**
 * Rows as the pure generator produces them: the table rows of src/data/schema.ts, except that secrets
 * are still plaintext (resident.bsn, data_item.value with a `sealed` flag). Encryption happens only in
 * the loader, so the generator stays deterministic and its output can be hashed (test/seed).
 * Timestamps and dates are ISO strings.
 */
import type { Insertable } from 'kysely';
import type { DB } from '../schema.ts';

type Row<T extends keyof DB> = Insertable<DB[T]>;

export type OrganisationRow = Row<'organisation'> & { created_at: string };
export type ProfessionalRow = Row<'professional'> & { created_at: string; roles: string[] };
export type HouseholdRow = Row<'household'> & { created_at: string };
export type HouseholdMemberRow = Row<'household_member'>;
export type LegalRepresentativeRow = Row<'legal_representative'>;
export type HelpRequestRow = Row<'help_request'>;
export type SupportPlanRow = Row<'support_plan'>;
export type PlanGoalRow = Row<'plan_goal'>;
export type SubActivityRow = Row<'sub_activity'> & { created_at: string };
export type InvolvementRow = Row<'involvement'> & { created_at: string };

/** A resident with the BSN still in the clear; the loader encrypts it and adds the blind index. */
export type ResidentSeed = Omit<Row<'resident'>, 'bsn_cipher' | 'bsn_index'> & { bsn: string; created_at: string };

/** A data item with its value in the clear; `sealed` items go to value_cipher, the rest to value_text. */
export type DataItemSeed = Omit<Row<'data_item'>, 'value_text' | 'value_cipher'> & { value: string; sealed: boolean };

/** One unit of loading: whole households, so every foreign key points inside the batch or to staff. */
export interface SeedBatch {
  organisation: OrganisationRow[];
  professional: ProfessionalRow[];
  resident: ResidentSeed[];
  household: HouseholdRow[];
  household_member: HouseholdMemberRow[];
  legal_representative: LegalRepresentativeRow[];
  help_request: HelpRequestRow[];
  support_plan: SupportPlanRow[];
  plan_goal: PlanGoalRow[];
  sub_activity: SubActivityRow[];
  involvement: InvolvementRow[];
  data_item: DataItemSeed[];
}

/** Insert order: parents before children (foreign keys). */
export const TABLE_ORDER = [
  'organisation',
  'professional',
  'resident',
  'household',
  'household_member',
  'legal_representative',
  'help_request',
  'support_plan',
  'plan_goal',
  'sub_activity',
  'involvement',
  'data_item',
] as const satisfies readonly (keyof SeedBatch)[];

export type SeedTable = (typeof TABLE_ORDER)[number];

export function emptyBatch(): SeedBatch {
  return {
    organisation: [],
    professional: [],
    resident: [],
    household: [],
    household_member: [],
    legal_representative: [],
    help_request: [],
    support_plan: [],
    plan_goal: [],
    sub_activity: [],
    involvement: [],
    data_item: [],
  };
}
