/**
 * Complaints about the processing of personal data (R9.1; policy 2.5 and 3.8; Awb chapter 9): filed from
 * the portal in a few steps, handled by the complaints commissioner (never by someone involved with the
 * household: Awb 9:7), with the Awb deadlines — acknowledge (9:6), decide within six weeks or ten with an
 * advisory committee, postpone once by four weeks with notice (9:11) — and an outcome letter that names
 * the Nationale ombudsman and the term to go there (9:12, 9:24). The resident sees the status throughout.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { GateContext } from '../../../core/policy/decide.ts';
import { complaintDeadlines, deadlineState, mayPostponeComplaint, ombudsmanTermEnds } from '../../../core/residents/deadlines.ts';
import { cleanText, TEXT_LIMITS } from '../../../core/residents/text.ts';
import { complaintLetter, type Letter } from '../../../core/residents/letters.ts';
import { loadHouseholdFacts } from '../../gate/facts.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import type { ComplaintOutcome, ComplaintTable, ComplaintTopic } from '../../schema-residents.ts';
import { HANDLING, municipalityName, newReference, portalPurpose, professional, recordItem, residentNames, seal, subjectScope, today, unseal, type SubjectScope } from './common.ts';
import { ownHelpRequest } from './rights-requests.ts';
import type { ComplaintView, HandlerComplaintView } from './views.ts';

type Row = Selectable<ComplaintTable> & { hr_reference?: string | null };

export interface NewComplaint {
  topic: ComplaintTopic;
  text: string;
  subjectId?: string | null;
  helpRequestId?: string | null;
}

function view(work: GateWork, r: Row): ComplaintView {
  const d = complaintDeadlines({ receivedOn: r.received_on, committee: r.committee, postponedOn: r.postponed_on });
  const closed = r.status === 'decided' || r.status === 'not_handled' || r.status === 'withdrawn';
  const due = r.status === 'not_handled' ? d.notHandledNoticeBy : d.decideBy;
  return {
    id: r.id,
    reference: r.reference,
    residentId: r.resident_id,
    topic: r.topic,
    text: unseal(work, 'complaint', 'text_cipher', r.id, r.text_cipher) ?? '',
    status: r.status,
    helpRequestReference: r.hr_reference ?? null,
    receivedAt: new Date(r.received_at).toISOString(),
    receivedOn: r.received_on,
    acknowledgedOn: r.acknowledged_on,
    acknowledgeBy: d.acknowledgeBy,
    committee: r.committee,
    postponedOn: r.postponed_on,
    postponementReason: unseal(work, 'complaint', 'postponement_reason_cipher', r.id, r.postponement_reason_cipher),
    decideBy: d.decideBy,
    weeks: d.weeks,
    decidedOn: r.decided_on,
    outcome: r.outcome,
    findings: unseal(work, 'complaint', 'findings_cipher', r.id, r.findings_cipher),
    ombudsmanUntil: r.decided_on && (r.status === 'decided' || r.status === 'not_handled') ? ombudsmanTermEnds(r.decided_on) : null,
    deadline: r.status === 'withdrawn' ? 'met' : deadlineState(due, today(work), closed ? r.decided_on : null),
  };
}

function selectComplaints(work: GateWork) {
  return work.tx.selectFrom('complaint').leftJoin('help_request', 'help_request.id', 'complaint.help_request_id').selectAll('complaint').select('help_request.reference as hr_reference');
}

function emptyContext(work: GateWork): GateContext {
  return { actor: work.actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] };
}

function notFound(work: GateWork, id: string): never {
  const d = work.decide(emptyContext(work), recordItem('complaint', id, '', null));
  work.denied(null, work.actor!.kind === 'resident' ? portalPurpose(work) : HANDLING, { type: 'complaint', id }, 'case', d);
  return work.failAfterCommit('GATE.NOT_FOUND');
}

// ── The resident ──────────────────────────────────────────────────────────────────────────────────

export async function fileComplaint(session: GateSession, input: NewComplaint): Promise<ComplaintView> {
  const text = cleanText(input.text, 'text', TEXT_LIMITS.complaint);
  return session.run('portal.complaint.create', 'create', async (work) => {
    const scope = await subjectScope(work, input.subjectId ?? null);
    const id = randomUUID();
    const decision = scope.decide(recordItem('complaint', id, scope.homeHouseholdId, scope.subjectId), 'create');
    if (!decision.permit) {
      work.denied(scope.subjectId, portalPurpose(work), { type: 'complaint', id: null }, 'case', decision);
      return work.failAfterCommit('GATE.NOT_FOUND');
    }
    const helpRequestId = input.helpRequestId ? await ownHelpRequest(work, scope, input.helpRequestId) : null;
    await work.tx
      .insertInto('complaint')
      .values({
        id,
        reference: newReference('KL', work.now),
        resident_id: scope.subjectId,
        filed_by: work.actor!.kind === 'resident' ? work.actor!.id : scope.subjectId,
        household_id: scope.homeHouseholdId || null,
        help_request_id: helpRequestId,
        topic: input.topic,
        text_cipher: seal(work, 'complaint', 'text_cipher', id, text),
        received_at: work.now,
        received_on: today(work),
        status: 'received',
      })
      .execute();
    work.processed(scope.subjectId, portalPurpose(work), { type: 'complaint', id }, ['case'], decision);
    return view(work, (await selectComplaints(work).where('complaint.id', '=', id).executeTakeFirstOrThrow()) as Row);
  });
}

export async function myComplaints(session: GateSession, subjectId: string | null): Promise<ComplaintView[]> {
  return session.run('portal.complaint.list', 'list', async (work) => complaintsOf(work, await subjectScope(work, subjectId)));
}

export async function complaintsOf(work: GateWork, scope: SubjectScope): Promise<ComplaintView[]> {
  const rows = (await selectComplaints(work).where('complaint.resident_id', '=', scope.subjectId).orderBy('complaint.received_at', 'desc').execute()) as Row[];
  const out: ComplaintView[] = [];
  for (const r of rows) {
    const decision = scope.decide(recordItem('complaint', r.id, scope.homeHouseholdId, r.resident_id));
    if (!decision.permit) continue;
    work.processed(r.resident_id, portalPurpose(work), { type: 'complaint', id: r.id }, ['case'], decision);
    out.push(view(work, r));
  }
  return out;
}

async function loadMine(work: GateWork, id: string) {
  const r = (await selectComplaints(work).where('complaint.id', '=', id).executeTakeFirst()) as Row | undefined;
  const actor = work.actor!;
  if (!r || actor.kind !== 'resident') return notFound(work, id);
  const scope = await subjectScope(work, r.resident_id === actor.id ? null : r.resident_id, { type: 'complaint', id });
  const decision = scope.decide(recordItem('complaint', r.id, scope.homeHouseholdId, r.resident_id));
  if (!decision.permit) return notFound(work, id);
  return { row: r, decision };
}

/** One complaint of the resident (or a person they represent); a guessed id is a logged 404. */
export async function myComplaint(session: GateSession, id: string): Promise<ComplaintView> {
  return session.run('portal.complaint.read', 'read', async (work) => {
    const { row, decision } = await loadMine(work, id);
    work.processed(row.resident_id, portalPurpose(work), { type: 'complaint', id: row.id }, ['case'], decision);
    return view(work, row);
  });
}

/** The outcome letter (Awb 9:12) of a decided complaint of the resident (or a person they represent). */
export async function myComplaintLetter(session: GateSession, id: string): Promise<Letter> {
  return session.run('portal.complaint.letter', 'read', async (work) => {
    const { row, decision } = await loadMine(work, id);
    work.processed(row.resident_id, portalPurpose(work), { type: 'complaint', id: row.id }, ['case', 'identity'], decision);
    const c = view(work, row);
    if (c.status !== 'decided' && c.status !== 'not_handled') return work.failAfterCommit('COMPLAINT.NOT_DECIDED');
    const names = await residentNames(work, [c.residentId]);
    return complaintLetter({
      municipality: await municipalityName(work),
      reference: c.reference,
      receivedOn: c.receivedOn,
      decidedOn: c.decidedOn!,
      outcome: c.outcome as ComplaintOutcome,
      findings: c.findings ?? '',
      ombudsmanUntil: c.ombudsmanUntil ?? c.decidedOn!,
      addressee: names.get(c.residentId)?.displayName ?? null,
    });
  });
}

// ── The complaints commissioner ──────────────────────────────────────────────────────────────────

export type ComplaintQueueFilter = 'open' | 'overdue' | 'decided' | 'all';

/** The commissioner's context for one complaint: their own involvements with its household (Awb 9:7). */
async function handlerContext(work: GateWork, householdId: string | null): Promise<GateContext> {
  const actor = work.actor!;
  if (!householdId || actor.kind !== 'professional') return emptyContext(work);
  const facts = (await loadHouseholdFacts(work.tx, work.policy, actor, [householdId], work.now)).get(householdId)!;
  return { ...emptyContext(work), involvements: facts.involvements };
}

async function lookups(work: GateWork, rows: Row[]) {
  const residentIds = [...new Set(rows.flatMap((r) => [r.resident_id, r.filed_by]))];
  const names = await residentNames(work, residentIds);
  const contact = new Map<string, { email: string | null; phone: string | null }>();
  if (residentIds.length) {
    for (const c of await work.tx.selectFrom('resident').select(['id', 'email', 'phone']).where('id', 'in', residentIds).execute()) contact.set(c.id, { email: c.email, phone: c.phone });
  }
  const handlerIds = [...new Set(rows.map((r) => r.handler_id).filter((x): x is string => x !== null))];
  const handlers = new Map<string, string>();
  if (handlerIds.length) {
    for (const p of await work.tx.selectFrom('professional').select(['id', 'display_name']).where('id', 'in', handlerIds).execute()) handlers.set(p.id, p.display_name);
  }
  return { names, contact, handlers };
}

function handlerView(work: GateWork, r: Row, l: Awaited<ReturnType<typeof lookups>>): HandlerComplaintView {
  return {
    ...view(work, r),
    subject: { displayName: l.names.get(r.resident_id)?.displayName ?? null, email: l.contact.get(r.resident_id)?.email ?? null, phone: l.contact.get(r.resident_id)?.phone ?? null },
    filedBy: { displayName: l.names.get(r.filed_by)?.displayName ?? null, representative: r.filed_by !== r.resident_id },
    handler: r.handler_id ? (l.handlers.get(r.handler_id) ?? null) : null,
    mayPostpone: r.status !== 'withdrawn' && mayPostponeComplaint({ receivedOn: r.received_on, committee: r.committee, postponedOn: r.postponed_on, decidedOn: r.decided_on, today: today(work) }),
    version: r.version,
  };
}

export async function complaintQueue(session: GateSession, filter: ComplaintQueueFilter): Promise<HandlerComplaintView[]> {
  return session.run('complaint.queue', 'list', async (work) => {
    const probe = work.decide(emptyContext(work), recordItem('complaint', null, '', null), 'list');
    if (!probe.permit) {
      work.denied(null, HANDLING, { type: 'complaint', id: null }, 'case', probe);
      return work.failAfterCommit('GATE.DENIED', { rule: probe.rule });
    }
    let q = selectComplaints(work);
    if (filter === 'open' || filter === 'overdue') q = q.where('complaint.status', 'in', ['received', 'acknowledged', 'in_treatment']);
    if (filter === 'decided') q = q.where('complaint.status', 'in', ['decided', 'not_handled', 'withdrawn']);
    const rows = (await q.orderBy('complaint.received_on').limit(1000).execute()) as Row[];
    const l = await lookups(work, rows);
    const contexts = new Map<string, GateContext>();
    const out: HandlerComplaintView[] = [];
    for (const r of rows) {
      // Awb 9:7: complaints about a household the commissioner is involved with are not theirs to see.
      const key = r.household_id ?? '';
      if (!contexts.has(key)) contexts.set(key, await handlerContext(work, r.household_id));
      const decision = work.decide(contexts.get(key)!, recordItem('complaint', r.id, key, r.resident_id), 'list');
      if (!decision.permit) continue;
      const v = handlerView(work, r, l);
      if (filter === 'overdue' && v.deadline !== 'overdue') continue;
      work.processed(r.resident_id, HANDLING, { type: 'complaint', id: r.id }, ['case', 'identity', 'contact'], decision);
      out.push(v);
    }
    return out.sort((a, b) => Number(b.deadline === 'overdue') - Number(a.deadline === 'overdue') || a.decideBy.localeCompare(b.decideBy));
  });
}

async function loadForHandler(work: GateWork, id: string, action: 'read' | 'update') {
  const r = (await selectComplaints(work).where('complaint.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!r) return notFound(work, id);
  const ctx = await handlerContext(work, r.household_id);
  const decision = work.decide(ctx, recordItem('complaint', r.id, r.household_id ?? '', r.resident_id), action);
  if (!decision.permit) {
    work.denied(r.resident_id, HANDLING, { type: 'complaint', id }, 'case', decision);
    return work.failAfterCommit('GATE.NOT_FOUND');
  }
  return { row: r, decision };
}

export async function complaintForHandler(session: GateSession, id: string): Promise<HandlerComplaintView> {
  return session.run('complaint.read', 'read', async (work) => {
    const { row, decision } = await loadForHandler(work, id, 'read');
    work.processed(row.resident_id, HANDLING, { type: 'complaint', id }, ['case', 'identity', 'contact'], decision);
    return handlerView(work, row, await lookups(work, [row]));
  });
}

export type ComplaintAction =
  | { action: 'acknowledge' }
  | { action: 'committee'; committee: boolean }
  | { action: 'postpone'; reason: string }
  | { action: 'decide'; outcome: ComplaintOutcome; findings: string };

export async function handleComplaint(session: GateSession, id: string, step: ComplaintAction): Promise<HandlerComplaintView> {
  const reason = step.action === 'postpone' ? cleanText(step.reason, 'reason', TEXT_LIMITS.reason) : null;
  const findings = step.action === 'decide' ? cleanText(step.findings, 'findings', TEXT_LIMITS.decision) : null;
  return session.run(`complaint.${step.action}`, 'update', async (work) => {
    const actor = professional(work)!;
    const { row, decision } = await loadForHandler(work, id, 'update');
    if (row.status === 'decided' || row.status === 'not_handled' || row.status === 'withdrawn') return work.failAfterCommit('COMPLAINT.ALREADY_DECIDED');
    const day = today(work);
    const base = work.tx.updateTable('complaint').where('id', '=', id).where('version', '=', row.version);
    const common = { handler_id: row.handler_id ?? actor.id, version: row.version + 1 };
    let result;
    if (step.action === 'acknowledge') {
      result = await base.set({ ...common, status: row.status === 'received' ? 'acknowledged' : row.status, acknowledged_on: row.acknowledged_on ?? day }).executeTakeFirst();
    } else if (step.action === 'committee') {
      result = await base.set({ ...common, committee: step.committee, status: 'in_treatment', acknowledged_on: row.acknowledged_on ?? day }).executeTakeFirst();
    } else if (step.action === 'postpone') {
      if (!mayPostponeComplaint({ receivedOn: row.received_on, committee: row.committee, postponedOn: row.postponed_on, decidedOn: row.decided_on, today: day })) {
        return work.failAfterCommit('COMPLAINT.POSTPONEMENT_NOT_ALLOWED');
      }
      result = await base.set({ ...common, status: 'in_treatment', postponed_on: day, postponement_reason_cipher: seal(work, 'complaint', 'postponement_reason_cipher', id, reason!), acknowledged_on: row.acknowledged_on ?? day }).executeTakeFirst();
    } else {
      result = await base
        .set({
          ...common,
          status: step.outcome === 'not_handled' ? 'not_handled' : 'decided',
          outcome: step.outcome,
          decided_on: day,
          acknowledged_on: row.acknowledged_on ?? day,
          findings_cipher: seal(work, 'complaint', 'findings_cipher', id, findings!),
        })
        .executeTakeFirst();
    }
    if (Number(result.numUpdatedRows) !== 1) return work.failAfterCommit('CONFLICT.VERSION');
    work.processed(row.resident_id, HANDLING, { type: 'complaint', id }, ['case'], decision);
    const updated = (await selectComplaints(work).where('complaint.id', '=', id).executeTakeFirstOrThrow()) as Row;
    return handlerView(work, updated, await lookups(work, [updated]));
  });
}
