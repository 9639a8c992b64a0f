/**
 * Refusal and involuntary processing (issue 5 item 4; R4.2, R4.3; policy §3.4). A refusal is recorded
 * with the professional's choice: stop (the help request ends), limit (the refused categories cannot be
 * in a step plan), or involuntary — only on a health or safety ground — which opens a draft record.
 * Before a second person may decide it: the explanation given to the resident, a colleague or expert
 * consulted on pseudonymised facts (an `expert` involvement: the gate hides name, BSN, address, contact
 * and birth date from them), and the considerations. On approval the notice to the resident is sent
 * (a letter, also as PDF). Only an approved record lets data flow: the gate's inv-vital reads it.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import { fieldAad } from '../../../core/crypto/keyring.ts';
import { displayName } from '../../../core/domain/names.ts';
import { assertTransition } from '../../../core/domain/help-request.ts';
import {
  assertConsultee,
  assertDecidable,
  assertDraft,
  assertGround,
  assertPseudonymised,
  missingForDecision,
  noticeLetter,
  type InvoluntaryGround,
  type RefusalOutcome,
} from '../../../core/work/involuntary.ts';
import type { Selectable } from 'kysely';
import type { InvoluntaryProcessingTable } from '../../schema.ts';
import { contextFor } from '../../gate/facts.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import { residentItem } from '../items.ts';
import { allow, caseItem, iso, isMember, notFound, open, professional, roleOf, scopeFor, seal, type Scope } from './common.ts';
import type { ConsultationSummary, ConsultationView, InvoluntaryRecordView, NoticeView, RefusalView } from './views.ts';

type InvRow = Selectable<InvoluntaryProcessingTable>;
const T = 'involuntary_processing';
const DAY = 86_400_000;
/** How long a consulted colleague or expert keeps access to the pseudonymised facts. */
const CONSULTATION_DAYS = 30;

export interface RefusalInput {
  residentId: string;
  categories: string[];
  scope: string;
  refusedAt: string;
  outcome: RefusalOutcome;
  reason: string;
  /** Involuntary only: health or safety, and the facts behind it. */
  ground?: InvoluntaryGround;
  groundFacts?: string;
  validUntil?: string | null;
}

export async function recordRefusal(session: GateSession, helpRequestId: string, input: RefusalInput): Promise<RefusalView> {
  return session.run('refusal.create', 'create', async (work) => {
    const object = { type: 'refusal', id: null };
    const scope = await scopeFor(work, helpRequestId, object);
    const decision = allow(work, scope, caseItem(work, scope.hr, input.residentId), 'create', object);
    if (!(await isMember(work, scope.hr.household_id, input.residentId))) throw new AppError('RESIDENT.NOT_FOUND', { field: 'residentId' });
    if (input.categories.length === 0 || input.categories.some((c) => !work.policy.categories.has(c))) throw new AppError('DATA_ITEM.UNKNOWN_CATEGORY', { field: 'categories' });
    const refusedAt = new Date(input.refusedAt);
    if (Number.isNaN(refusedAt.getTime()) || refusedAt.getTime() > work.now.getTime()) throw new AppError('DATE.INVALID', { field: 'refusedAt' });
    if (input.reason.trim().length < 10) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'reason' });
    let validUntil: Date | null = null;
    if (input.outcome === 'involuntary') {
      assertGround(input.ground, input.groundFacts);
      if (input.validUntil) {
        validUntil = new Date(input.validUntil);
        if (Number.isNaN(validUntil.getTime()) || validUntil.getTime() <= work.now.getTime()) throw new AppError('DATE.INVALID', { field: 'validUntil' });
      }
    } else if (input.ground || input.groundFacts) {
      throw new AppError('INVOLUNTARY.GROUND_REQUIRED', { field: 'outcome' });
    }
    const id = randomUUID();
    await work.tx
      .insertInto('refusal')
      .values({ id, help_request_id: helpRequestId, resident_id: input.residentId, categories: input.categories, scope: input.scope.trim(), refused_at: refusedAt, outcome: input.outcome, reason: input.reason.trim(), recorded_by: scope.actor.id, recorded_at: work.now })
      .execute();
    let involuntaryId: string | null = null;
    if (input.outcome === 'involuntary') {
      involuntaryId = randomUUID();
      await work.tx
        .insertInto('involuntary_processing')
        .values({
          id: involuntaryId,
          help_request_id: helpRequestId,
          resident_id: input.residentId,
          ground: input.ground!,
          categories: input.categories,
          status: 'draft',
          proposed_by: scope.actor.id,
          approved_by: null,
          approved_at: null,
          valid_until: validUntil,
          refusal_id: id,
          ground_facts_cipher: seal(work, T, 'ground_facts_cipher', involuntaryId, input.groundFacts!.trim()),
        })
        .execute();
    }
    if (input.outcome === 'stop') {
      // The service stops (§3.4 option 1): the help request ends through the transition table.
      const to = scope.hr.status === 'registered' ? 'withdrawn' : 'closed';
      assertTransition(scope.hr.status, to);
      await work.tx.updateTable('help_request').set((eb) => ({ status: to, closed_at: work.now, version: eb('version', '+', 1) })).where('id', '=', helpRequestId).execute();
    }
    work.processed(input.residentId, scope.lp, { type: 'refusal', id }, ['case'], decision);
    return { id, residentId: input.residentId, categories: input.categories, scope: input.scope.trim(), refusedAt: refusedAt.toISOString(), outcome: input.outcome, reason: input.reason.trim(), recordedAt: work.now.toISOString(), involuntaryId, involuntaryStatus: involuntaryId ? 'draft' : null };
  });
}

export async function refusalsOf(session: GateSession, helpRequestId: string): Promise<RefusalView[]> {
  return session.run('refusal.list', 'list', async (work) => {
    const scope = await scopeFor(work, helpRequestId);
    const decision = allow(work, scope, caseItem(work, scope.hr), 'read', { type: 'refusal', id: null });
    if (roleOf(decision) === 'expert') return notFound(work, { type: 'refusal', id: null });
    const rows = await work.tx
      .selectFrom('refusal')
      .leftJoin('involuntary_processing', 'involuntary_processing.refusal_id', 'refusal.id')
      .select(['refusal.id', 'refusal.resident_id', 'refusal.categories', 'refusal.scope', 'refusal.refused_at', 'refusal.outcome', 'refusal.reason', 'refusal.recorded_at', 'involuntary_processing.id as inv_id', 'involuntary_processing.status as inv_status'])
      .where('refusal.help_request_id', '=', helpRequestId)
      .orderBy('refusal.refused_at', 'desc')
      .execute();
    for (const s of new Set([scope.hr.resident_id, ...rows.map((r) => r.resident_id)])) work.processed(s, scope.lp, { type: 'refusal', id: null }, ['case'], decision);
    return rows.map((r) => ({ id: r.id, residentId: r.resident_id, categories: r.categories, scope: r.scope, refusedAt: iso(r.refused_at)!, outcome: r.outcome, reason: r.reason, recordedAt: iso(r.recorded_at)!, involuntaryId: r.inv_id, involuntaryStatus: r.inv_status }));
  });
}

// ── The involuntary-processing record ────────────────────────────────────────────────────────────────

async function loadRecord(work: GateWork, id: string, action: 'read' | 'update' | 'create'): Promise<{ rec: InvRow; scope: Scope; decision: ReturnType<typeof allow>; object: { type: string; id: string } }> {
  const object = { type: 'involuntary_processing', id };
  const rec = await work.tx.selectFrom('involuntary_processing').selectAll().where('id', '=', id).executeTakeFirst();
  if (!rec) return notFound(work, object);
  const scope = await scopeFor(work, rec.help_request_id, object);
  const decision = allow(work, scope, caseItem(work, scope.hr, rec.resident_id), action, object);
  return { rec, scope, decision, object };
}

function state(work: GateWork, rec: InvRow) {
  return {
    status: rec.status,
    proposedBy: rec.proposed_by,
    ground: rec.ground,
    groundFacts: open(work, T, 'ground_facts_cipher', rec.id, rec.ground_facts_cipher),
    explanationGiven: open(work, T, 'explanation_given_cipher', rec.id, rec.explanation_given_cipher),
    consultedProfessionalId: rec.consulted_professional_id,
    consultationAdvice: open(work, T, 'consultation_advice_cipher', rec.id, rec.consultation_advice_cipher),
    considerations: open(work, T, 'considerations_cipher', rec.id, rec.considerations_cipher),
  };
}

async function recordView(work: GateWork, rec: InvRow): Promise<InvoluntaryRecordView> {
  const s = state(work, rec);
  const ids = [rec.proposed_by, rec.approved_by, rec.consulted_professional_id].filter((x): x is string => x !== null);
  const people = await work.tx.selectFrom('professional').innerJoin('organisation', 'organisation.id', 'professional.organisation_id').select(['professional.id', 'professional.display_name', 'organisation.name as org']).where('professional.id', 'in', ids).execute();
  const who = (id: string) => people.find((p) => p.id === id);
  return {
    id: rec.id,
    helpRequestId: rec.help_request_id,
    residentId: rec.resident_id,
    refusalId: rec.refusal_id,
    status: rec.status,
    ground: rec.ground,
    groundFacts: s.groundFacts,
    categories: rec.categories,
    explanationGiven: s.explanationGiven,
    explanationGivenAt: iso(rec.explanation_given_at),
    consultation: rec.consulted_professional_id
      ? {
          professional: { id: rec.consulted_professional_id, name: who(rec.consulted_professional_id)?.display_name ?? '', organisation: who(rec.consulted_professional_id)?.org ?? '' },
          facts: open(work, T, 'consultation_facts_cipher', rec.id, rec.consultation_facts_cipher) ?? '',
          question: rec.consultation_question,
          consultedAt: iso(rec.consulted_at)!,
          advice: s.consultationAdvice,
          adviceAt: iso(rec.advice_at),
        }
      : null,
    considerations: s.considerations,
    proposedBy: { id: rec.proposed_by, name: who(rec.proposed_by)?.display_name ?? '' },
    decidedBy: rec.approved_by ? { id: rec.approved_by, name: who(rec.approved_by)?.display_name ?? '' } : null,
    decidedAt: iso(rec.decided_at),
    decisionNote: rec.decision_note,
    noticeSentAt: iso(rec.notice_sent_at),
    validUntil: iso(rec.valid_until),
    missing: rec.status === 'draft' ? missingForDecision(s) : [],
    version: rec.version,
  };
}

/** The full record, for the professionals of the help request — never for the consulted expert. */
export async function involuntaryRecord(session: GateSession, id: string): Promise<InvoluntaryRecordView> {
  return session.run('involuntary.read', 'read', async (work) => {
    const { rec, scope, decision, object } = await loadRecord(work, id, 'read');
    if (roleOf(decision) === 'expert') return notFound(work, object, 'case', rec.resident_id);
    work.processed(rec.resident_id, scope.lp, object, ['case'], decision);
    return recordView(work, rec);
  });
}

async function update(
  session: GateSession,
  name: string,
  id: string,
  version: number,
  apply: (work: GateWork, rec: InvRow, scope: Scope) => Promise<Partial<Record<keyof InvoluntaryProcessingTable, unknown>>>,
): Promise<InvoluntaryRecordView> {
  return session.run(name, 'update', async (work) => {
    const { rec, scope, decision, object } = await loadRecord(work, id, 'update');
    if (roleOf(decision) === 'expert') return notFound(work, object, 'case', rec.resident_id);
    assertDraft(rec);
    const patch = await apply(work, rec, scope);
    const r = await work.tx
      .updateTable('involuntary_processing')
      .set((eb) => ({ ...(patch as object), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    work.processed(rec.resident_id, scope.lp, object, ['case'], decision);
    return recordView(work, r);
  });
}

/** That the importance of the help was explained to the resident (§3.4 rule 1). */
export function recordExplanation(session: GateSession, id: string, input: { version: number; explanation: string; explainedAt: string }) {
  return update(session, 'involuntary.explanation', id, input.version, async (work, rec) => {
    const at = new Date(input.explainedAt);
    if (Number.isNaN(at.getTime()) || at.getTime() > work.now.getTime()) throw new AppError('DATE.INVALID', { field: 'explainedAt' });
    if (input.explanation.trim().length < 10) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'explanation' });
    return { explanation_given_cipher: seal(work, T, 'explanation_given_cipher', rec.id, input.explanation.trim()), explanation_given_at: at };
  });
}

/**
 * Consult a colleague or expert (§3.4 rule 2) on pseudonymised facts: the text is refused when it names
 * the resident, their BSN, birth date or address; the consultee gets an `expert` involvement with the
 * help request for a limited time, so the gate shows them the case without identifying categories.
 */
export function consult(session: GateSession, id: string, input: { version: number; professionalId: string; facts: string; question: string }) {
  return update(session, 'involuntary.consult', id, input.version, async (work, rec, scope) => {
    assertConsultee(rec.proposed_by, input.professionalId);
    if (input.professionalId === scope.actor.id) throw new AppError('INVOLUNTARY.SAME_PERSON', { field: 'professionalId' });
    const consultee = await work.tx.selectFrom('professional').select(['id', 'active']).where('id', '=', input.professionalId).executeTakeFirst();
    if (!consultee?.active) throw new AppError('INVOLVEMENT.INVALID_TARGET', { field: 'professionalId' });
    const r = await work.tx
      .selectFrom('resident')
      .select(['given_names', 'surname_prefix', 'surname', 'partner_surname_prefix', 'partner_surname', 'birth_date', 'postcode', 'street', 'bsn_cipher'])
      .where('id', '=', rec.resident_id)
      .executeTakeFirstOrThrow();
    const bsn = r.bsn_cipher ? work.keyring.decrypt(r.bsn_cipher, fieldAad('resident', 'bsn_cipher', rec.resident_id)) : null;
    const ids = { names: [r.given_names, r.surname, r.partner_surname ?? ''], bsn, birthDate: r.birth_date, postcode: r.postcode, street: r.street };
    assertPseudonymised(input.facts, ids);
    assertPseudonymised(input.question, ids);
    if (input.facts.trim().length < 10) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'facts' });
    // End an earlier consultation's access: one consultee at a time.
    if (rec.consultation_involvement_id) await work.tx.updateTable('involvement').set({ valid_until: work.now }).where('id', '=', rec.consultation_involvement_id).where('valid_until', 'is', null).execute();
    const involvementId = randomUUID();
    await work.tx
      .insertInto('involvement')
      .values({ id: involvementId, professional_id: input.professionalId, household_id: scope.hr.household_id, help_request_id: rec.help_request_id, sub_activity_id: null, role: 'expert', max_confidentiality: 'vertrouwelijk', valid_from: work.now, valid_until: new Date(work.now.getTime() + CONSULTATION_DAYS * DAY), reason: 'Consultatie onvrijwillige verwerking (gepseudonimiseerd)', created_by: scope.actor.id })
      .execute();
    return {
      consulted_professional_id: input.professionalId,
      consultation_involvement_id: involvementId,
      consultation_facts_cipher: seal(work, T, 'consultation_facts_cipher', rec.id, input.facts.trim()),
      consultation_question: input.question.trim(),
      consulted_at: work.now,
      consultation_advice_cipher: null,
      advice_at: null,
    };
  });
}

/** What the consulted person sees: the pseudonymised facts and the question — the gate checks their expert role. */
export async function consultation(session: GateSession, id: string): Promise<ConsultationView> {
  return session.run('involuntary.consultation.read', 'read', async (work) => {
    const { rec, scope, decision, object } = await loadRecord(work, id, 'read');
    if (rec.consulted_professional_id !== scope.actor.id) return notFound(work, object, 'case', rec.resident_id);
    work.processed(rec.resident_id, scope.lp, object, ['case'], decision);
    return {
      id: rec.id,
      ground: rec.ground,
      categories: rec.categories,
      task: scope.hr.task_code,
      facts: open(work, T, 'consultation_facts_cipher', rec.id, rec.consultation_facts_cipher) ?? '',
      question: rec.consultation_question,
      consultedAt: iso(rec.consulted_at)!,
      advice: open(work, T, 'consultation_advice_cipher', rec.id, rec.consultation_advice_cipher),
      status: rec.status,
    };
  });
}

/** The consulted person's advice: theirs to give (the record is read through their expert involvement). */
export async function giveAdvice(session: GateSession, id: string, input: { advice: string }): Promise<ConsultationView> {
  return session.run('involuntary.advice', 'update', async (work) => {
    const { rec, scope, decision, object } = await loadRecord(work, id, 'read');
    if (rec.consulted_professional_id !== scope.actor.id) return notFound(work, object, 'case', rec.resident_id);
    assertDraft(rec);
    if (input.advice.trim().length < 10) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'advice' });
    await work.tx
      .updateTable('involuntary_processing')
      .set((eb) => ({ consultation_advice_cipher: seal(work, T, 'consultation_advice_cipher', rec.id, input.advice.trim()), advice_at: work.now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    work.processed(rec.resident_id, scope.lp, object, ['case'], decision);
    return {
      id: rec.id,
      ground: rec.ground,
      categories: rec.categories,
      task: scope.hr.task_code,
      facts: open(work, T, 'consultation_facts_cipher', rec.id, rec.consultation_facts_cipher) ?? '',
      question: rec.consultation_question,
      consultedAt: iso(rec.consulted_at)!,
      advice: input.advice.trim(),
      status: rec.status,
    };
  });
}

/** The considerations to take steps against the resident's will (§3.4 rule 3). */
export function recordConsiderations(session: GateSession, id: string, input: { version: number; considerations: string }) {
  return update(session, 'involuntary.considerations', id, input.version, async (work, rec) => {
    if (input.considerations.trim().length < 10) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'considerations' });
    return { considerations_cipher: seal(work, T, 'considerations_cipher', rec.id, input.considerations.trim()) };
  });
}

/**
 * The decision by a second person — never the proposer — once everything is recorded. Approval sends
 * the notice (the letter is the record's notice; GET …/notice and …/notice.pdf give it) and from then
 * on the gate lets the categories flow where the law allows a vital-interest override. The consulted
 * person's access ends with the decision.
 */
export function decideInvoluntary(session: GateSession, id: string, input: { version: number; decision: 'approve' | 'reject'; note: string }) {
  return update(session, 'involuntary.decide', id, input.version, async (work, rec, scope) => {
    assertDecidable(state(work, rec), scope.actor.id);
    if (input.note.trim().length < 10) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'note' });
    if (rec.consultation_involvement_id) await work.tx.updateTable('involvement').set({ valid_until: work.now }).where('id', '=', rec.consultation_involvement_id).where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', work.now)])).execute();
    const approve = input.decision === 'approve';
    return {
      status: approve ? 'approved' : 'rejected',
      approved_by: scope.actor.id,
      approved_at: approve ? work.now : null,
      decided_at: work.now,
      decision_note: input.note.trim(),
      notice_sent_at: approve ? work.now : null,
    };
  });
}

/** The notice to the resident (R4.3): decision, reasons, data and rights; name and address through the gate. */
export async function noticeOf(session: GateSession, id: string, lang: 'nl' | 'en'): Promise<NoticeView> {
  return session.run('involuntary.notice', 'read', async (work) => {
    const { rec, scope, decision, object } = await loadRecord(work, id, 'read');
    if (roleOf(decision) === 'expert') return notFound(work, object, 'case', rec.resident_id);
    if (rec.status !== 'approved' || rec.notice_sent_at === null) throw new AppError('INVOLUNTARY.NOT_APPROVED');
    const r = await work.tx.selectFrom('resident').selectAll().where('id', '=', rec.resident_id).executeTakeFirstOrThrow();
    const ctx = contextFor(scope.actor, scope.facts, scope.purpose, work.now);
    const idDecision = work.decide(ctx, residentItem(r, scope.hr.household_id, 'identity'));
    const addrDecision = work.decide(ctx, residentItem(r, scope.hr.household_id, 'address'));
    const name = idDecision.permit
      ? displayName({ givenNames: r.given_names, surnamePrefix: r.surname_prefix, surname: r.surname, partnerSurnamePrefix: r.partner_surname_prefix, partnerSurname: r.partner_surname, nameUsage: r.name_usage })
      : lang === 'nl' ? 'inwoner' : 'resident';
    const addressLines = addrDecision.permit && r.street ? [`${r.street} ${r.house_number ?? ''}${r.house_letter ?? ''}${r.house_number_addition ? `-${r.house_number_addition}` : ''}`.trim(), `${r.postcode ?? ''} ${r.city ?? ''}`.trim()] : [];
    if (idDecision.permit) work.processed(rec.resident_id, scope.lp, { type: 'resident', id: rec.resident_id }, ['identity'], idDecision);
    if (addrDecision.permit) work.processed(rec.resident_id, scope.lp, { type: 'resident', id: rec.resident_id }, ['address'], addrDecision);
    work.processed(rec.resident_id, scope.lp, object, ['case'], decision);
    const director = await work.tx.selectFrom('professional').select('display_name').where('id', '=', rec.approved_by!).executeTakeFirst();
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
    const fmt = (d: Date | string) => new Date(d).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
    const labels = rec.categories.map((c) => {
      const cat = work.policy.categories.get(c);
      return cat ? (lang === 'nl' ? cat.nl : cat.en) : c;
    });
    const letter = noticeLetter({
      lang,
      residentName: name,
      addressLines,
      municipality: 'Gemeente Oosterveld',
      reference: scope.hr.reference,
      ground: rec.ground,
      categoryLabels: labels,
      considerations: open(work, T, 'considerations_cipher', rec.id, rec.considerations_cipher) ?? '',
      decidedAt: fmt(rec.decided_at!),
      validUntil: rec.valid_until ? fmt(rec.valid_until) : null,
      contact: director?.display_name ?? (lang === 'nl' ? 'uw contactpersoon' : 'your contact person'),
    });
    return { id: rec.id, lang, municipality: 'Gemeente Oosterveld', addressee: name, addressLines, date: fmt(rec.notice_sent_at), reference: scope.hr.reference, ...letter, sender: director?.display_name ?? '' };
  });
}


/** The consultations I was asked for and can still answer (my expert involvement is current). */
export async function myConsultations(session: GateSession): Promise<ConsultationSummary[]> {
  return session.run('involuntary.consultation.list', 'list', async (work) => {
    const actor = professional(work);
    const rows = await work.tx
      .selectFrom('involuntary_processing as ip')
      .innerJoin('involvement as i', 'i.id', 'ip.consultation_involvement_id')
      .select(['ip.id', 'ip.help_request_id', 'ip.ground', 'ip.status', 'ip.consulted_at', 'ip.advice_at'])
      .where('ip.consulted_professional_id', '=', actor.id)
      .where('i.valid_from', '<=', work.now)
      .where((eb) => eb.or([eb('i.valid_until', 'is', null), eb('i.valid_until', '>', work.now)]))
      .orderBy('ip.consulted_at', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, helpRequestId: r.help_request_id, ground: r.ground, status: r.status, consultedAt: iso(r.consulted_at)!, adviceGiven: r.advice_at !== null }));
  });
}
