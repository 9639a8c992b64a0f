/**
 * Intake and triage (issue 5 item 1; R1.2, R1.3): register a help request for a new or known resident —
 * the BSN checked with the 11-proef and looked up through the blind index; the resident's data as the
 * BRP has them (a known resident's are never overwritten with what was typed) — the registering
 * professional becomes involved (case_worker, from now), and the help request's status moves only
 * through the transition table of src/core/domain/help-request.ts. The gate decides the registration
 * with the involvement it is about to create, before anything is written.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import { isValidBsn, normaliseBsn } from '../../../core/domain/bsn.ts';
import { assertBirthDate } from '../../../core/domain/dates.ts';
import { assertTransition, type Complexity, type HelpRequestStatus } from '../../../core/domain/help-request.ts';
import { fieldAad } from '../../../core/crypto/keyring.ts';
import type { GateContext, HelpRequestFact, InvolvementFact } from '../../../core/policy/decide.ts';
import { assertTriage, statusAfterTriage } from '../../../core/work/triage.ts';
import { decideSignal } from '../../../core/work/signals.ts';
import { logPurpose } from '../../gate/purposes.ts';
import type { GateSession } from '../../gate/session.ts';
import { residentItem } from '../items.ts';
import { allow, caseItem, iso, notFound, professional, roleOf, scopeFor } from './common.ts';
import { recordMatches } from './matches.ts';
import type { HelpRequestState, IntakeResult, TriageResult } from './views.ts';

export interface BrpResident {
  givenNames: string;
  surnamePrefix?: string | null;
  surname: string;
  birthDate: string;
  gender: 'M' | 'V' | 'X' | 'O';
  street?: string | null;
  houseNumber?: number | null;
  houseLetter?: string | null;
  houseNumberAddition?: string | null;
  postcode?: string | null;
  city?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface IntakeInput {
  bsn: string;
  domain: string;
  task: string;
  summary: string;
  /** Only for a BSN not known here: the resident's data as the BRP gives them. */
  resident?: BrpResident;
  /** The early signal this help request follows from (R7.2: the accountable professional picks it up). */
  signalId?: string;
}

function reference(now: Date): string {
  return `HV-${now.getUTCFullYear()}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

export async function registerHelpRequest(session: GateSession, input: IntakeInput): Promise<IntakeResult> {
  return session.run('help_request.create', 'create', async (work) => {
    const actor = professional(work);
    const policy = work.policy;
    // Registering a help request is the college's task (the melding): its own professionals do it. A
    // chain partner works through the sub-activities the plan gives it, never by registering requests.
    const org = await work.tx.selectFrom('organisation').select('kind').where('id', '=', actor.organisationId).executeTakeFirst();
    if (org?.kind !== 'municipality' && org?.kind !== 'municipal_team') throw new AppError('AUTH.ROLE_REQUIRED', { required: ['municipal professional'] });
    const bsn = normaliseBsn(input.bsn);
    if (bsn === null || !isValidBsn(bsn)) throw new AppError('BSN.INVALID', { field: 'bsn' });
    const task = policy.tasks.get(input.task);
    if (!task || task.domain !== input.domain) throw new AppError('HELP_REQUEST.UNKNOWN_TASK', { field: 'task' });

    const known = await work.tx
      .selectFrom('resident')
      .select(['id', 'confidentiality'])
      .where('bsn_index', '=', Buffer.from(work.keyring.bsnIndex(bsn)))
      .executeTakeFirst();
    if (!known && !input.resident) throw new AppError('INTAKE.RESIDENT_DATA_REQUIRED', { field: 'resident' });
    if (!known) assertBirthDate(input.resident!.birthDate, work.now);

    if (input.signalId) {
      const s = await work.tx.selectFrom('early_signal').select(['id', 'accountable_id', 'kind', 'status']).where('id', '=', input.signalId).executeTakeFirst();
      const d = s ? decideSignal(policy, actor, org.kind, 'update', { id: s.id, kind: s.kind, accountableId: s.accountable_id, category: 'contact' }) : null;
      if (!s || !d?.permit) notFound(work, { type: 'early_signal', id: input.signalId }, 'contact');
      if (s.status === 'closed') throw new AppError('SIGNAL.CLOSED');
    }

    const day = work.now.toISOString().slice(0, 10);
    const membership = known
      ? await work.tx
          .selectFrom('household_member')
          .select('household_id')
          .where('resident_id', '=', known.id)
          .where('valid_from', '<=', day)
          .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', day)]))
          .orderBy('valid_from', 'desc')
          .executeTakeFirst()
      : undefined;
    const residentId = known?.id ?? randomUUID();
    const householdId = membership?.household_id ?? randomUUID();
    const helpRequestId = randomUUID();
    const involvementId = randomUUID();
    const confidentiality = known?.confidentiality ?? 'zaakvertrouwelijk';

    // Decide with the involvement the registration creates: the purpose and the involvement come
    // into being together, and the gate judges the processing under them (BRP data for this task).
    const hrFact: HelpRequestFact = { id: helpRequestId, householdId, residentId, taskCode: task.code, law: task.law, status: 'registered' };
    const inv: InvolvementFact = { id: involvementId, professionalId: actor.id, householdId, helpRequestId, subActivityId: null, role: 'case_worker', maxConfidentiality: 'vertrouwelijk', validFrom: work.now, validUntil: null };
    const ctx: GateContext = { actor, purpose: hrFact, at: work.now, involvements: [inv], subActivities: new Map(), consents: [], involuntary: [] };
    const lp = logPurpose(policy, actor, hrFact);
    const hrRow = { id: helpRequestId, household_id: householdId, resident_id: residentId, task_code: task.code, confidentiality: 'vertrouwelijk' };
    const decisions = [
      { category: 'case', object: { type: 'help_request', id: helpRequestId }, decision: work.decide(ctx, caseItem(work, hrRow), 'create') },
      ...['identity', 'address', 'bsn'].map((category) => ({ category, object: { type: 'resident', id: residentId }, decision: work.decide(ctx, residentItem({ id: residentId, confidentiality }, householdId, category), 'create') })),
    ];
    for (const d of decisions) {
      if (!d.decision.permit) {
        work.denied(residentId, lp, d.object, d.category, d.decision);
        return work.failAfterCommit('GATE.DENIED', { rule: d.decision.rule });
      }
    }

    if (!known) {
      const r = input.resident!;
      await work.tx
        .insertInto('resident')
        .values({
          id: residentId,
          bsn_cipher: work.keyring.encrypt(bsn, fieldAad('resident', 'bsn_cipher', residentId)),
          bsn_index: Buffer.from(work.keyring.bsnIndex(bsn)),
          given_names: r.givenNames.trim(),
          surname_prefix: r.surnamePrefix?.trim() || null,
          surname: r.surname.trim(),
          birth_date: r.birthDate,
          gender: r.gender,
          street: r.street ?? null,
          house_number: r.houseNumber ?? null,
          house_letter: r.houseLetter ?? null,
          house_number_addition: r.houseNumberAddition ?? null,
          postcode: r.postcode ? r.postcode.replace(/\s+/g, '').toUpperCase() : null,
          city: r.city ?? null,
          phone: r.phone ?? null,
          email: r.email ?? null,
          confidentiality,
        })
        .execute();
    }
    if (!membership) {
      await work.tx.insertInto('household').values({ id: householdId, reference: `HH-${work.now.getUTCFullYear()}-${randomBytes(3).toString('hex').toUpperCase()}` }).execute();
      await work.tx.insertInto('household_member').values({ id: randomUUID(), household_id: householdId, resident_id: residentId, relation: 'head', valid_from: day, valid_until: null }).execute();
    }
    const ref = reference(work.now);
    await work.tx
      .insertInto('help_request')
      .values({
        id: helpRequestId,
        reference: ref,
        household_id: householdId,
        resident_id: residentId,
        domain_code: task.domain,
        task_code: task.code,
        status: 'registered',
        complexity: null,
        triage_reasoning: null,
        summary: input.summary.trim(),
        confidentiality: 'vertrouwelijk',
        registered_at: work.now,
        registered_by: actor.id,
        closed_at: null,
      })
      .execute();
    await work.tx
      .insertInto('involvement')
      .values({ id: involvementId, professional_id: actor.id, household_id: householdId, help_request_id: helpRequestId, sub_activity_id: null, role: 'case_worker', max_confidentiality: 'vertrouwelijk', valid_from: work.now, valid_until: null, reason: 'Aanmelding en intake', created_by: actor.id })
      .execute();
    if (input.signalId) {
      await work.tx
        .updateTable('early_signal')
        .set((eb) => ({ help_request_id: helpRequestId, resident_id: residentId, status: 'picked_up', picked_up_at: work.now, version: eb('version', '+', 1) }))
        .where('id', '=', input.signalId)
        .execute();
    }
    for (const d of decisions) work.processed(residentId, lp, d.object, [d.category], d.decision);
    await recordMatches(work, householdId);
    return { helpRequestId, reference: ref, householdId, residentId, residentSource: known ? 'brp' : 'entered', status: 'registered' };
  });
}

export async function triageHelpRequest(session: GateSession, helpRequestId: string, input: { complexity: Complexity; reasoning: string; version: number }): Promise<TriageResult> {
  return session.run('help_request.triage', 'update', async (work) => {
    const scope = await scopeFor(work, helpRequestId);
    const decision = allow(work, scope, caseItem(work, scope.hr), 'update', { type: 'help_request', id: helpRequestId });
    assertTriage(input);
    const status = statusAfterTriage(scope.hr.status);
    const r = await work.tx
      .updateTable('help_request')
      .set((eb) => ({ complexity: input.complexity, triage_reasoning: input.reasoning.trim(), triaged_by: scope.actor.id, triaged_at: work.now, status, version: eb('version', '+', 1) }))
      .where('id', '=', helpRequestId)
      .where('version', '=', input.version)
      .returning(['version', 'triaged_at'])
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    work.processed(scope.hr.resident_id, scope.lp, { type: 'help_request', id: helpRequestId }, ['case'], decision);
    return { helpRequestId, status, complexity: input.complexity, reasoning: input.reasoning.trim(), triagedAt: iso(r.triaged_at)!, version: r.version };
  });
}

export async function setHelpRequestStatus(session: GateSession, helpRequestId: string, input: { to: HelpRequestStatus; version: number }): Promise<{ helpRequestId: string; status: HelpRequestStatus; version: number }> {
  return session.run('help_request.status', 'update', async (work) => {
    const scope = await scopeFor(work, helpRequestId);
    const decision = allow(work, scope, caseItem(work, scope.hr), 'update', { type: 'help_request', id: helpRequestId });
    assertTransition(scope.hr.status, input.to);
    const ends = input.to === 'closed' || input.to === 'withdrawn';
    const r = await work.tx
      .updateTable('help_request')
      .set((eb) => ({ status: input.to, closed_at: ends ? work.now : null, version: eb('version', '+', 1) }))
      .where('id', '=', helpRequestId)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    work.processed(scope.hr.resident_id, scope.lp, { type: 'help_request', id: helpRequestId }, ['case'], decision);
    return { helpRequestId, status: input.to, version: r.version };
  });
}

/** The help request's own state for the work screens (status, triage, version) — the case data through the gate. */
export async function helpRequestState(session: GateSession, helpRequestId: string): Promise<HelpRequestState> {
  return session.run('help_request.read', 'read', async (work) => {
    const scope = await scopeFor(work, helpRequestId);
    const decision = allow(work, scope, caseItem(work, scope.hr), 'read', { type: 'help_request', id: helpRequestId });
    work.processed(scope.hr.resident_id, scope.lp, { type: 'help_request', id: helpRequestId }, ['case'], decision);
    const h = scope.hr;
    return { id: h.id, reference: h.reference, householdId: h.household_id, residentId: h.resident_id, domain: h.domain_code, task: h.task_code, law: scope.purpose.law, status: h.status, complexity: h.complexity, triageReasoning: h.triage_reasoning, summary: h.summary, version: h.version, myRole: roleOf(decision) };
  });
}
