/**
 * The conversation report with consent (issue 5 item 3; R4.1; policy §3.4): which data are asked for
 * which follow-up step and purpose is recorded with the report — that IS the consent record — and
 * where a law demands it, the explicit consent (Wmo 2015 art. 5.1.1 lid 4) or the written no-objection
 * (Pw art. 65 lid 2 sub b) is recorded as such, with whether it was given in writing. The gate reads
 * the consent table directly, so a withdrawal takes effect at once (AVG 7(3)).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import type { GateSession } from '../../gate/session.ts';
import { allow, caseItem, iso, isMember, notFound, open, scopeFor, seal } from './common.ts';
import type { ConsentView, ConversationReportView } from './views.ts';

export interface ConsentInput {
  kind: 'explicit' | 'ordinary' | 'written_no_objection';
  categories: string[];
  sourceLaw?: string | null;
  targetLaw?: string | null;
  recipientOrganisationId?: string | null;
  /** For which follow-up step and purpose. */
  purpose: string;
  inWriting: boolean;
  /** The resident, or their legal representative (a parent with authority, guardian, curator, mentor). */
  givenBy?: string;
  stepPlanId?: string | null;
}

export interface ConversationReportInput {
  residentId: string;
  heldAt: string;
  summary: string;
  followUp: Array<{ step: string; purpose: string; categories: string[] }>;
  consents: ConsentInput[];
}

type ConsentRow = {
  id: string;
  resident_id: string;
  kind: string;
  categories: string[];
  source_law: string | null;
  target_law: string | null;
  recipient_organisation_id: string | null;
  purpose: string;
  in_writing: boolean;
  given_by: string;
  given_at: Date;
  withdrawn_at: Date | null;
  conversation_report_id: string | null;
  step_plan_id: string | null;
};

function consentView(c: ConsentRow): ConsentView {
  return {
    id: c.id,
    residentId: c.resident_id,
    kind: c.kind,
    categories: c.categories,
    sourceLaw: c.source_law,
    targetLaw: c.target_law,
    recipientOrganisationId: c.recipient_organisation_id,
    purpose: c.purpose,
    inWriting: c.in_writing,
    givenBy: c.given_by,
    givenAt: iso(c.given_at)!,
    withdrawnAt: iso(c.withdrawn_at),
    conversationReportId: c.conversation_report_id,
    stepPlanId: c.step_plan_id,
  };
}

const CONSENT_COLUMNS = ['id', 'resident_id', 'kind', 'categories', 'source_law', 'target_law', 'recipient_organisation_id', 'purpose', 'in_writing', 'given_by', 'given_at', 'withdrawn_at', 'conversation_report_id', 'step_plan_id'] as const;

export async function recordConversation(session: GateSession, helpRequestId: string, input: ConversationReportInput): Promise<ConversationReportView> {
  return session.run('conversation_report.create', 'create', async (work) => {
    const object = { type: 'conversation_report', id: null };
    const scope = await scopeFor(work, helpRequestId, object);
    const decision = allow(work, scope, caseItem(work, scope.hr, input.residentId), 'create', object);
    const policy = work.policy;
    if (!(await isMember(work, scope.hr.household_id, input.residentId))) throw new AppError('RESIDENT.NOT_FOUND', { field: 'residentId' });
    const heldAt = new Date(input.heldAt);
    if (Number.isNaN(heldAt.getTime()) || heldAt.getTime() > work.now.getTime()) throw new AppError('DATE.INVALID', { field: 'heldAt' });
    for (const f of input.followUp) for (const c of f.categories) if (!policy.categories.has(c)) throw new AppError('DATA_ITEM.UNKNOWN_CATEGORY', { field: 'followUp' });
    const day = work.now.toISOString().slice(0, 10);
    for (const c of input.consents) {
      if (c.categories.length === 0 || c.categories.some((x) => !policy.categories.has(x))) throw new AppError('CONSENT.INVALID', { field: 'categories' });
      if ((c.sourceLaw && !policy.laws.has(c.sourceLaw)) || (c.targetLaw && !policy.laws.has(c.targetLaw))) throw new AppError('CONSENT.INVALID', { field: 'law' });
      // A written no-objection is in writing by definition (Pw art. 65 lid 2 sub b).
      if (c.kind === 'written_no_objection' && !c.inWriting) throw new AppError('CONSENT.INVALID', { field: 'inWriting' });
      if (c.purpose.trim().length < 5) throw new AppError('CONSENT.INVALID', { field: 'purpose' });
      if (c.recipientOrganisationId && !(await work.tx.selectFrom('organisation').select('id').where('id', '=', c.recipientOrganisationId).executeTakeFirst())) {
        throw new AppError('CONSENT.INVALID', { field: 'recipientOrganisationId' });
      }
      if (c.stepPlanId && !(await work.tx.selectFrom('step_plan').select('id').where('id', '=', c.stepPlanId).where('help_request_id', '=', helpRequestId).executeTakeFirst())) {
        throw new AppError('CONSENT.INVALID', { field: 'stepPlanId' });
      }
      const giver = c.givenBy ?? input.residentId;
      if (giver !== input.residentId) {
        const rep = await work.tx
          .selectFrom('legal_representative')
          .select('id')
          .where('resident_id', '=', input.residentId)
          .where('representative_id', '=', giver)
          .where('valid_from', '<=', day)
          .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', day)]))
          .executeTakeFirst();
        if (!rep) throw new AppError('CONSENT.INVALID', { field: 'givenBy' });
      }
    }
    const id = randomUUID();
    await work.tx
      .insertInto('conversation_report')
      .values({ id, help_request_id: helpRequestId, resident_id: input.residentId, held_at: heldAt, summary_cipher: seal(work, 'conversation_report', 'summary_cipher', id, input.summary.trim()), follow_up: JSON.stringify(input.followUp), recorded_by: scope.actor.id, recorded_at: work.now })
      .execute();
    const consents: ConsentView[] = [];
    for (const c of input.consents) {
      const row = await work.tx
        .insertInto('consent')
        .values({
          id: randomUUID(),
          resident_id: input.residentId,
          help_request_id: helpRequestId,
          kind: c.kind,
          categories: c.categories,
          source_law: c.sourceLaw ?? null,
          target_law: c.targetLaw ?? null,
          recipient_organisation_id: c.recipientOrganisationId ?? null,
          purpose: c.purpose.trim(),
          given_by: c.givenBy ?? input.residentId,
          given_at: heldAt,
          recorded_by: scope.actor.id,
          withdrawn_at: null,
          in_writing: c.inWriting,
          conversation_report_id: id,
          step_plan_id: c.stepPlanId ?? null,
        })
        .returning(CONSENT_COLUMNS)
        .executeTakeFirstOrThrow();
      consents.push(consentView(row));
    }
    work.processed(input.residentId, scope.lp, { type: 'conversation_report', id }, ['case'], decision);
    return { id, residentId: input.residentId, heldAt: heldAt.toISOString(), summary: input.summary.trim(), followUp: input.followUp, recordedBy: scope.actor.id, recordedAt: work.now.toISOString(), consents };
  });
}

/** Withdrawal takes effect at once: from this instant the gate no longer counts the consent (AVG 7(3)). */
export async function withdrawConsent(session: GateSession, consentId: string): Promise<ConsentView> {
  return session.run('consent.withdraw', 'update', async (work) => {
    const object = { type: 'consent', id: consentId };
    const c = await work.tx.selectFrom('consent').select(['id', 'help_request_id', 'resident_id', 'withdrawn_at']).where('id', '=', consentId).executeTakeFirst();
    if (!c) return notFound(work, object);
    const scope = await scopeFor(work, c.help_request_id, object);
    const decision = allow(work, scope, caseItem(work, scope.hr, c.resident_id), 'update', object);
    if (c.withdrawn_at !== null) throw new AppError('CONSENT.ALREADY_WITHDRAWN');
    const row = await work.tx.updateTable('consent').set({ withdrawn_at: work.now }).where('id', '=', consentId).where('withdrawn_at', 'is', null).returning(CONSENT_COLUMNS).executeTakeFirst();
    if (!row) throw new AppError('CONSENT.ALREADY_WITHDRAWN');
    work.processed(c.resident_id, scope.lp, object, ['case'], decision);
    return consentView(row);
  });
}

export async function conversationsOf(session: GateSession, helpRequestId: string): Promise<{ reports: ConversationReportView[]; consents: ConsentView[] }> {
  return session.run('conversation_report.list', 'list', async (work) => {
    const scope = await scopeFor(work, helpRequestId);
    const decision = allow(work, scope, caseItem(work, scope.hr), 'read', { type: 'conversation_report', id: null });
    const reports = await work.tx.selectFrom('conversation_report').selectAll().where('help_request_id', '=', helpRequestId).orderBy('held_at', 'desc').execute();
    const consents = (await work.tx.selectFrom('consent').select(CONSENT_COLUMNS).where('help_request_id', '=', helpRequestId).orderBy('given_at', 'desc').execute()).map(consentView);
    const subjects = new Set([scope.hr.resident_id, ...reports.map((r) => r.resident_id), ...consents.map((c) => c.residentId)]);
    for (const s of subjects) work.processed(s, scope.lp, { type: 'conversation_report', id: null }, ['case'], decision);
    return {
      reports: reports.map((r) => ({
        id: r.id,
        residentId: r.resident_id,
        heldAt: iso(r.held_at)!,
        summary: open(work, 'conversation_report', 'summary_cipher', r.id, r.summary_cipher) ?? '',
        followUp: (typeof r.follow_up === 'string' ? JSON.parse(r.follow_up) : r.follow_up) as ConversationReportView['followUp'],
        recordedBy: r.recorded_by,
        recordedAt: iso(r.recorded_at)!,
        consents: consents.filter((c) => c.conversationReportId === r.id),
      })),
      consents,
    };
  });
}
