/**
 * The access-review schedule (BIO2 5.18.02: every granted access right reviewed at least yearly;
 * BIO2 8.02.01: privileged rights at least quarterly). A professional holding a privileged staff role
 * (configuration, the log, destruction) is reviewed every three months; everyone else every year. An
 * account never reviewed is due one interval after it was created. Pure.
 */
import { addDuration, toDay } from './retention.ts';

/** Staff roles with privileged (administrator) rights in the sense of BIO2 8.02.01. */
export const PRIVILEGED_ROLES: readonly string[] = ['privacy_officer', 'functional_admin', 'archivist'];

/** Days before the due date that a review shows as "due soon". */
export const DUE_SOON_DAYS = 30;

export type ReviewCadence = 'yearly' | 'quarterly';
export type ReviewStatus = 'ok' | 'due_soon' | 'overdue';

export function isPrivileged(roles: readonly string[]): boolean {
  return roles.some((r) => PRIVILEGED_ROLES.includes(r));
}

export function reviewCadence(roles: readonly string[]): ReviewCadence {
  return isPrivileged(roles) ? 'quarterly' : 'yearly';
}

export function cadencePeriod(c: ReviewCadence): string {
  return c === 'quarterly' ? 'P3M' : 'P1Y';
}

/** The rule the cadence rests on (cited in the log and the console). */
export function cadenceRule(c: ReviewCadence): string {
  return c === 'quarterly' ? 'bio-8.02.01' : 'bio-5.18.02';
}

export interface ReviewSchedule {
  cadence: ReviewCadence;
  lastReviewed: string | null;
  due: string;
  status: ReviewStatus;
  rule: string;
}

export function reviewSchedule(roles: readonly string[], accountCreated: Date | string, lastReviewed: Date | string | null, today: Date | string): ReviewSchedule {
  const cadence = reviewCadence(roles);
  const from = lastReviewed === null ? toDay(accountCreated) : toDay(lastReviewed);
  const due = addDuration(from, cadencePeriod(cadence));
  const day = toDay(today);
  const soon = addDuration(day, `P${DUE_SOON_DAYS}D`);
  const status: ReviewStatus = due < day ? 'overdue' : due <= soon ? 'due_soon' : 'ok';
  return { cadence, lastReviewed: lastReviewed === null ? null : toDay(lastReviewed), due, status, rule: cadenceRule(cadence) };
}
