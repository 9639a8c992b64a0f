/**
 * Involvement (betrokkenheid, R1.5): a professional × household (optionally narrowed to one help request
 * or one sub-activity) × role × validity period. It is the only way to a dossier (R2.1): access ends when
 * the involvement ends. The period is half-open: valid_from ≤ t < valid_until.
 */
import { AppError } from '../errors.ts';

export const INVOLVEMENT_ROLES = ['director', 'case_worker', 'provider', 'expert'] as const;
export type InvolvementRole = (typeof INVOLVEMENT_ROLES)[number];

export interface Period {
  validFrom: Date;
  validUntil: Date | null;
}

export function isCurrent(p: Period, at: Date): boolean {
  return p.validFrom.getTime() <= at.getTime() && (p.validUntil === null || at.getTime() < p.validUntil.getTime());
}

export function assertValidPeriod(p: Period): void {
  if (Number.isNaN(p.validFrom.getTime()) || (p.validUntil !== null && Number.isNaN(p.validUntil.getTime()))) {
    throw new AppError('DATE.INVALID');
  }
  if (p.validUntil !== null && p.validUntil.getTime() <= p.validFrom.getTime()) {
    throw new AppError('INVOLVEMENT.INVALID_PERIOD');
  }
}

/** A provider's involvement runs through a sub-activity; the others may name a household or a help request. */
export function assertValidTarget(t: { role: InvolvementRole; helpRequestId: string | null; subActivityId: string | null }): void {
  if (t.role === 'provider' && t.subActivityId === null) throw new AppError('INVOLVEMENT.INVALID_TARGET', { role: t.role });
  if (t.role !== 'provider' && t.subActivityId !== null) throw new AppError('INVOLVEMENT.INVALID_TARGET', { role: t.role });
}
