/**
 * My signals and involvement matches (R5, R7, R1.5): the early signals that were matched to the resident
 * — a professional's own observation, or a payment-arrears signal from a creditor — with who is
 * accountable, why automated sources were consulted, the contact attempts and the outcome (R7.2); and
 * the involvement matches: which professionals of which organisations were told of each other's
 * involvement with the resident (like the Verwijsindex: who, never what). Tables of issue 5 (0004).
 */
import { fieldAad } from '../../../core/crypto/keyring.ts';
import type { GateItem } from '../../../core/policy/decide.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import { portalPurpose, subjectScope, type SubjectScope } from './common.ts';
import '../../schema-work.ts';

export interface PortalSignalView {
  id: string;
  kind: 'own_observation' | 'payment_arrears';
  status: 'new' | 'picked_up' | 'closed';
  receivedAt: string;
  creditor: { kind: string | null; name: string | null } | null;
  arrearsCents: number | null;
  arrearsSince: string | null;
  observation: string | null;
  /** Why automated sources were consulted (R7.1), for a payment-arrears signal. */
  consultReason: string | null;
  accountable: { name: string | null; organisation: string | null };
  pickupReason: string | null;
  result: string | null;
  resultNote: string | null;
  discussedWithResident: boolean | null;
  closedAt: string | null;
  contactAttempts: Array<{ kind: string; reached: boolean; attemptedOn: string }>;
}

export interface PortalMatchView {
  id: string;
  matchedAt: string;
  professionals: Array<{ name: string | null; functionTitle: string | null; organisation: string | null }>;
}

function signalItem(s: { id: string; kind: string }, householdId: string, residentId: string): GateItem {
  const arrears = s.kind === 'payment_arrears';
  return {
    type: 'data_item',
    id: s.id,
    householdId,
    residentId,
    category: arrears ? 'payment_arrears' : 'case',
    collectedForLaw: null,
    source: arrears ? 'payment_signal' : 'own_observation',
    confidentiality: 'vertrouwelijk',
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: null,
  };
}

async function signalsOf(work: GateWork, scope: SubjectScope, showNames: boolean): Promise<PortalSignalView[]> {
  const rows = await work.tx
    .selectFrom('early_signal')
    .innerJoin('professional', 'professional.id', 'early_signal.accountable_id')
    .leftJoin('organisation', 'organisation.id', 'professional.organisation_id')
    .select([
      'early_signal.id', 'early_signal.kind', 'early_signal.status', 'early_signal.received_at', 'early_signal.creditor_kind', 'early_signal.creditor_name',
      'early_signal.arrears_cents', 'early_signal.arrears_since', 'early_signal.observation_cipher', 'early_signal.consult_reason', 'early_signal.pickup_reason',
      'early_signal.result', 'early_signal.result_note', 'early_signal.discussed_with_resident', 'early_signal.closed_at',
      'professional.display_name', 'organisation.name as organisation_name',
    ])
    .where('early_signal.resident_id', '=', scope.subjectId)
    .orderBy('early_signal.received_at', 'desc')
    .limit(500)
    .execute();
  const out: PortalSignalView[] = [];
  for (const s of rows) {
    const item = signalItem(s, scope.homeHouseholdId, scope.subjectId);
    const decision = scope.decide(item);
    if (!decision.permit) continue;
    work.processed(scope.subjectId, portalPurpose(work), { type: 'early_signal', id: s.id }, [item.category], decision);
    const attempts = await work.tx.selectFrom('contact_attempt').select(['kind', 'reached', 'attempted_on']).where('signal_id', '=', s.id).orderBy('attempted_on').execute();
    out.push({
      id: s.id,
      kind: s.kind,
      status: s.status,
      receivedAt: new Date(s.received_at).toISOString(),
      creditor: s.kind === 'payment_arrears' ? { kind: s.creditor_kind, name: s.creditor_name } : null,
      arrearsCents: s.arrears_cents,
      arrearsSince: s.arrears_since,
      observation: s.observation_cipher ? work.keyring.decrypt(s.observation_cipher, fieldAad('early_signal', 'observation_cipher', s.id)) : null,
      consultReason: s.consult_reason,
      accountable: { name: showNames ? s.display_name : null, organisation: s.organisation_name ?? null },
      pickupReason: s.pickup_reason,
      result: s.result,
      resultNote: s.result_note,
      discussedWithResident: s.discussed_with_resident,
      closedAt: s.closed_at ? new Date(s.closed_at).toISOString() : null,
      contactAttempts: attempts.map((a) => ({ kind: a.kind, reached: a.reached, attemptedOn: a.attempted_on })),
    });
  }
  return out;
}

async function matchesOf(work: GateWork, scope: SubjectScope, showNames: boolean): Promise<PortalMatchView[]> {
  const rows = await work.tx
    .selectFrom('involvement_match')
    .select(['id', 'household_id', 'resident_id', 'professional_a', 'professional_b', 'matched_at'])
    .where('resident_id', '=', scope.subjectId)
    .orderBy('matched_at', 'desc')
    .limit(500)
    .execute();
  const ids = [...new Set(rows.flatMap((r) => [r.professional_a, r.professional_b]))];
  const profs = ids.length
    ? await work.tx
        .selectFrom('professional')
        .leftJoin('organisation', 'organisation.id', 'professional.organisation_id')
        .select(['professional.id', 'professional.display_name', 'professional.function_title', 'organisation.name as organisation_name'])
        .where('professional.id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(profs.map((p) => [p.id, p]));
  const out: PortalMatchView[] = [];
  for (const m of rows) {
    const item: GateItem = { type: 'involvement', id: m.id, householdId: m.household_id, residentId: m.resident_id, category: 'involvement', collectedForLaw: null, source: null, confidentiality: 'vertrouwelijk', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null };
    const decision = scope.decide(item);
    if (!decision.permit) continue;
    work.processed(scope.subjectId, portalPurpose(work), { type: 'involvement_match', id: m.id }, ['involvement'], decision);
    out.push({
      id: m.id,
      matchedAt: new Date(m.matched_at).toISOString(),
      professionals: [m.professional_a, m.professional_b].map((p) => {
        const x = byId.get(p);
        return { name: showNames ? (x?.display_name ?? null) : null, functionTitle: x?.function_title ?? null, organisation: x?.organisation_name ?? null };
      }),
    });
  }
  return out;
}

export async function mySignals(session: GateSession, subjectId: string | null, showNames: boolean): Promise<{ signals: PortalSignalView[]; matches: PortalMatchView[] }> {
  return session.run('portal.signals', 'list', async (work) => {
    const scope = await subjectScope(work, subjectId);
    return { signals: await signalsOf(work, scope, showNames), matches: await matchesOf(work, scope, showNames) };
  });
}
