/**
 * Access reviews (issue 7 item 4; BIO2 5.18.02: every granted right at least yearly; 8.02.01:
 * privileged rights at least quarterly). Per professional: the schedule, the current involvements (the
 * only thing that gives access, R2.1) and — from the same decide() as the gate — which residents'
 * data they can see in which categories (oversight.ts residentsVisibleTo). The reviewer signs off or
 * revokes: revoking ends the involvement now, so access ends now. Nobody reviews their own access.
 * Every question and every decision is decided by the gate (`fg-oversight`) and logged.
 */
import { randomUUID } from 'node:crypto';
import { reviewSchedule, type ReviewSchedule } from '../../../core/accountability/access-review.ts';
import { AppError } from '../../../core/errors.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import { audit, decideOversight, iso, logAction, requireCapability, staffActor, OVERSIGHT } from './common.ts';

export interface ReviewRowView {
  professionalId: string;
  displayName: string;
  functionTitle: string;
  organisation: string;
  roles: string[];
  currentInvolvements: number;
  schedule: ReviewSchedule;
}

export interface InvolvementView {
  id: string;
  householdId: string;
  householdReference: string;
  helpRequestId: string | null;
  helpRequestReference: string | null;
  task: string | null;
  subActivityId: string | null;
  subActivity: string | null;
  role: string;
  maxConfidentiality: string;
  validFrom: string;
  validUntil: string | null;
}

export interface ReviewDetailView extends ReviewRowView {
  involvements: InvolvementView[];
  history: Array<{ id: string; reviewedAt: string; reviewedBy: string; outcome: string; kept: number; revoked: number; note: string | null }>;
}

function gate(work: GateWork, residentId: string | null, objectId: string | null) {
  const decision = decideOversight(work, residentId, objectId);
  if (!decision.permit) {
    work.denied(null, OVERSIGHT, { type: 'professional', id: objectId }, 'involvement', decision);
    return work.failAfterCommit('GATE.DENIED', { rule: decision.rule });
  }
  return decision;
}

async function professionals(work: GateWork, id?: string) {
  let q = work.tx
    .selectFrom('professional as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select((eb) => [
      'p.id',
      'p.display_name',
      'p.function_title',
      'p.roles',
      'p.created_at',
      'o.name as organisation',
      eb.selectFrom('access_review as r').select((e) => e.fn.max('r.reviewed_at').as('m')).whereRef('r.professional_id', '=', 'p.id').as('last_reviewed'),
      eb
        .selectFrom('involvement as i')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('i.professional_id', '=', 'p.id')
        .where('i.valid_from', '<=', work.now)
        .where((e) => e.or([e('i.valid_until', 'is', null), e('i.valid_until', '>', work.now)]))
        .as('current'),
    ])
    .where('p.active', '=', true);
  if (id) q = q.where('p.id', '=', id);
  const rows = await q.orderBy('p.display_name').execute();
  return rows.map(
    (r): ReviewRowView => ({
      professionalId: r.id,
      displayName: r.display_name,
      functionTitle: r.function_title,
      organisation: r.organisation,
      roles: r.roles,
      currentInvolvements: Number(r.current ?? 0),
      schedule: reviewSchedule(r.roles, new Date(r.created_at), r.last_reviewed ? new Date(r.last_reviewed as Date) : null, work.now),
    }),
  );
}

const ORDER = { overdue: 0, due_soon: 1, ok: 2 } as const;

/** Everyone's review schedule, overdue first. */
export async function reviewSchedules(session: GateSession): Promise<ReviewRowView[]> {
  return session.run('access_review.schedule', 'list', async (work) => {
    requireCapability(work, 'access_review.read');
    const decision = gate(work, null, null);
    const rows = await professionals(work);
    logAction(work, { type: 'professional', id: null }, decision, null, ['involvement']);
    return rows.sort((a, b) => ORDER[a.schedule.status] - ORDER[b.schedule.status] || a.schedule.due.localeCompare(b.schedule.due));
  });
}

async function currentInvolvements(work: GateWork, professionalId: string) {
  return work.tx
    .selectFrom('involvement as i')
    .innerJoin('household as h', 'h.id', 'i.household_id')
    .leftJoin('help_request as hr', 'hr.id', 'i.help_request_id')
    .leftJoin('sub_activity as s', 's.id', 'i.sub_activity_id')
    .select([
      'i.id',
      'i.household_id',
      'h.reference as household_reference',
      'i.help_request_id',
      'hr.reference as help_request_reference',
      'hr.task_code',
      'hr.resident_id as hr_resident',
      'i.sub_activity_id',
      's.description as sub_description',
      's.resident_id as sub_resident',
      'i.role',
      'i.max_confidentiality',
      'i.valid_from',
      'i.valid_until',
    ])
    .where('i.professional_id', '=', professionalId)
    .where('i.valid_from', '<=', work.now)
    .where((e) => e.or([e('i.valid_until', 'is', null), e('i.valid_until', '>', work.now)]))
    .orderBy('h.reference')
    .execute();
}

/** One professional: schedule, current involvements, review history. (Grants: residentsVisibleTo.) */
export async function reviewDetail(session: GateSession, professionalId: string): Promise<ReviewDetailView> {
  return session.run('access_review.read', 'read', async (work) => {
    requireCapability(work, 'access_review.read');
    const decision = gate(work, null, professionalId);
    const [row] = await professionals(work, professionalId);
    if (!row) throw new AppError('GATE.NOT_FOUND');
    const invs = await currentInvolvements(work, professionalId);
    const history = await work.tx
      .selectFrom('access_review as r')
      .innerJoin('professional as p', 'p.id', 'r.reviewed_by')
      .select(['r.id', 'r.reviewed_at', 'p.display_name', 'r.outcome', 'r.involvements_kept', 'r.involvements_revoked', 'r.note'])
      .where('r.professional_id', '=', professionalId)
      .orderBy('r.reviewed_at', 'desc')
      .limit(20)
      .execute();
    // Who receives help from whom is personal data of the resident: one entry per resident concerned.
    const subjects = new Set(invs.map((i) => i.hr_resident ?? i.sub_resident ?? null));
    for (const s of subjects) logAction(work, { type: 'professional', id: professionalId }, decision, s, ['involvement']);
    if (subjects.size === 0) logAction(work, { type: 'professional', id: professionalId }, decision, null, ['involvement']);
    return {
      ...row,
      involvements: invs.map((i) => ({
        id: i.id,
        householdId: i.household_id,
        householdReference: i.household_reference,
        helpRequestId: i.help_request_id,
        helpRequestReference: i.help_request_reference,
        task: i.task_code,
        subActivityId: i.sub_activity_id,
        subActivity: i.sub_description,
        role: i.role,
        maxConfidentiality: i.max_confidentiality,
        validFrom: iso(i.valid_from)!,
        validUntil: iso(i.valid_until),
      })),
      history: history.map((h) => ({ id: h.id, reviewedAt: iso(h.reviewed_at)!, reviewedBy: h.display_name, outcome: h.outcome, kept: h.involvements_kept, revoked: h.involvements_revoked, note: h.note })),
    };
  });
}

export interface ReviewDecisionInput {
  outcome: 'signed_off' | 'revoked';
  /** Involvements to end now (outcome 'revoked'). */
  revoke: string[];
  note?: string | null;
}

export async function decideReview(session: GateSession, professionalId: string, input: ReviewDecisionInput): Promise<{ reviewId: string; revoked: string[]; schedule: ReviewSchedule }> {
  return session.run('access_review.decide', 'update', async (work) => {
    requireCapability(work, 'access_review.decide');
    const actor = staffActor(work);
    const decision = gate(work, null, professionalId);
    if (actor.id === professionalId) throw new AppError('ACCESS_REVIEW.OWN_ACCESS');
    const [row] = await professionals(work, professionalId);
    if (!row) throw new AppError('GATE.NOT_FOUND');
    const revoke = [...new Set(input.revoke)];
    if ((input.outcome === 'revoked') !== (revoke.length > 0)) throw new AppError('REQUEST.INVALID', { fields: ['/revoke'] });
    const invs = await currentInvolvements(work, professionalId);
    const byId = new Map(invs.map((i) => [i.id, i]));
    if (revoke.some((id) => !byId.has(id))) throw new AppError('ACCESS_REVIEW.UNKNOWN_INVOLVEMENT');
    if (revoke.length > 0) {
      // Ending the involvement ends the access (R2.1): from this moment decide() no longer finds it current.
      await work.tx.updateTable('involvement').set({ valid_until: work.now }).where('id', 'in', revoke).where('professional_id', '=', professionalId).execute();
    }
    const reviewId = randomUUID();
    await work.tx
      .insertInto('access_review')
      .values({
        id: reviewId,
        professional_id: professionalId,
        cadence: row.schedule.cadence,
        reviewed_by: actor.id,
        reviewed_at: work.now,
        outcome: input.outcome,
        involvements_kept: invs.length - revoke.length,
        involvements_revoked: revoke.length,
        revoked_involvement_ids: revoke,
        note: input.note?.trim() || null,
      })
      .execute();
    await audit(work, {
      action: `access_review.${input.outcome}`,
      objectType: 'professional',
      objectId: professionalId,
      details: { review: reviewId, cadence: row.schedule.cadence, kept: invs.length - revoke.length, revoked: revoke },
    });
    const cited = { ...decision, cited: [...decision.cited, row.schedule.rule] };
    for (const id of revoke) {
      const i = byId.get(id)!;
      logAction(work, { type: 'involvement', id }, cited, i.hr_resident ?? i.sub_resident ?? null, ['involvement']);
    }
    if (revoke.length === 0) logAction(work, { type: 'professional', id: professionalId }, cited, null, ['involvement']);
    const [after] = await professionals(work, professionalId);
    return { reviewId, revoked: revoke, schedule: after!.schedule };
  });
}
