/**
 * Support plan (ondersteuningsplan): one household, one plan, one director (R1.4; policy 3.1).
 * A household has at most one active plan; the database enforces this with a partial unique index,
 * and these pure functions state the rule for the service layer and the tests.
 */
import { AppError } from '../errors.ts';
import { isZrmDomain, isZrmScore } from './zrm.ts';

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const SUB_ACTIVITY_STATUSES = ['proposed', 'active', 'completed', 'stopped'] as const;
export type SubActivityStatus = (typeof SUB_ACTIVITY_STATUSES)[number];

const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

export function assertPlanTransition(from: PlanStatus, to: PlanStatus): void {
  if (!PLAN_TRANSITIONS[from].includes(to)) throw new AppError('PLAN.INVALID_TRANSITION', { from, to });
}

/** Activating a plan: refused when the household already has another active plan, or no director. */
export function assertCanActivate(plan: { id: string; directorId: string | null }, otherActivePlanIds: readonly string[]): void {
  if (!plan.directorId) throw new AppError('PLAN.DIRECTOR_REQUIRED');
  if (otherActivePlanIds.some((id) => id !== plan.id)) throw new AppError('PLAN.ACTIVE_EXISTS');
}

export function assertGoal(goal: { lifeDomain: string; score: number | null; targetScore: number | null }): void {
  if (!isZrmDomain(goal.lifeDomain)) throw new AppError('ZRM.INVALID_DOMAIN');
  if (goal.score !== null && !isZrmScore(goal.score)) throw new AppError('ZRM.INVALID_SCORE');
  if (goal.targetScore !== null && !isZrmScore(goal.targetScore)) throw new AppError('ZRM.INVALID_SCORE');
}
