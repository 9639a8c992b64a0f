/**
 * My consents (R4.1, R5; AVG art. 7(3)): the consents and written no-objections recorded about the
 * resident — which data, for which help request, to which recipient — and withdrawal from the portal.
 * Withdrawal takes effect at once: consent.withdrawn_at is set in the same transaction, and the gate
 * reads it for every later decision. What was processed before stays lawful (AVG 7(3)).
 */
import type { GateSession, GateWork } from '../../gate/session.ts';
import { portalPurpose, recordItem, subjectScope, type SubjectScope } from './common.ts';
import { categoryLabel, taskLabel } from './labels.ts';
import type { PortalConsentView } from './views.ts';

export async function consentsOf(work: GateWork, scope: SubjectScope): Promise<PortalConsentView[]> {
  const rows = await work.tx
    .selectFrom('consent')
    .innerJoin('help_request', 'help_request.id', 'consent.help_request_id')
    .leftJoin('organisation', 'organisation.id', 'consent.recipient_organisation_id')
    .leftJoin('consent_withdrawal', 'consent_withdrawal.consent_id', 'consent.id')
    .select([
      'consent.id', 'consent.resident_id', 'consent.kind', 'consent.categories', 'consent.source_law', 'consent.target_law', 'consent.purpose',
      'consent.given_at', 'consent.withdrawn_at', 'help_request.household_id', 'help_request.reference', 'help_request.task_code', 'help_request.resident_id as hr_resident',
      'organisation.name as recipient', 'consent_withdrawal.consent_id as withdrawn_in_portal',
    ])
    .where('consent.resident_id', '=', scope.subjectId)
    .orderBy('consent.given_at', 'desc')
    .execute();
  const out: PortalConsentView[] = [];
  for (const c of rows) {
    const decision = scope.decide(recordItem('consent', c.id, c.household_id, c.resident_id));
    if (!decision.permit) continue;
    work.processed(c.resident_id, portalPurpose(work), { type: 'consent', id: c.id }, ['case'], decision);
    out.push({
      id: c.id,
      residentId: c.resident_id,
      helpRequestReference: c.hr_resident === scope.subjectId ? c.reference : null,
      task: taskLabel(work.policy, c.task_code),
      kind: c.kind,
      categories: c.categories.map((x) => categoryLabel(work.policy, x)),
      sourceLaw: c.source_law,
      targetLaw: c.target_law,
      recipient: c.recipient ?? null,
      purpose: c.purpose,
      givenAt: new Date(c.given_at).toISOString(),
      withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at).toISOString() : null,
      withdrawnInPortal: c.withdrawn_in_portal !== null,
    });
  }
  return out;
}

export async function myConsents(session: GateSession, subjectId: string | null): Promise<PortalConsentView[]> {
  return session.run('portal.consents', 'read', async (work) => consentsOf(work, await subjectScope(work, subjectId)));
}

/**
 * Withdraw a consent about the resident (or a person they represent). A consent the resident may not
 * act on — someone else's, or an unknown id — is a logged denial and 404; an already withdrawn one is 409.
 */
export async function withdrawConsent(session: GateSession, consentId: string): Promise<PortalConsentView> {
  return session.run('portal.consent.withdraw', 'create', async (work) => {
    const c = await work.tx
      .selectFrom('consent')
      .innerJoin('help_request', 'help_request.id', 'consent.help_request_id')
      .select(['consent.id', 'consent.resident_id', 'consent.withdrawn_at', 'help_request.household_id'])
      .where('consent.id', '=', consentId)
      .executeTakeFirst();
    const actor = work.actor!;
    if (!c || actor.kind !== 'resident') {
      const probe = work.decide({ actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] }, recordItem('consent_withdrawal', consentId, '', null));
      work.denied(null, portalPurpose(work), { type: 'consent', id: consentId }, 'case', probe);
      return work.failAfterCommit('GATE.NOT_FOUND');
    }
    // Whose consent it is decides whose scope applies; subjectScope answers 404 for anyone else's.
    const scope = await subjectScope(work, c.resident_id === actor.id ? null : c.resident_id, { type: 'consent', id: consentId });
    const decision = scope.decide(recordItem('consent_withdrawal', c.id, c.household_id, c.resident_id), 'create');
    if (!decision.permit) {
      work.denied(c.resident_id, portalPurpose(work), { type: 'consent', id: consentId }, 'case', decision);
      return work.failAfterCommit('GATE.NOT_FOUND');
    }
    if (c.withdrawn_at !== null) return work.failAfterCommit('CONSENT.ALREADY_WITHDRAWN');
    const updated = await work.tx.updateTable('consent').set({ withdrawn_at: work.now }).where('id', '=', c.id).where('withdrawn_at', 'is', null).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return work.failAfterCommit('CONSENT.ALREADY_WITHDRAWN');
    await work.tx.insertInto('consent_withdrawal').values({ consent_id: c.id, withdrawn_by: actor.id, withdrawn_at: work.now }).execute();
    work.processed(c.resident_id, portalPurpose(work), { type: 'consent', id: c.id }, ['case'], decision);
    const views = await consentsOf(work, scope);
    return views.find((v) => v.id === c.id)!;
  });
}
