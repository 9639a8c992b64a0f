/**
 * AVG rights requests (R5.5; AVG art. 12, 15–18, 21; Wmo 2015 art. 5.3.5): the resident files one from
 * the portal and sees its status and deadline; the functional administrator handles the queue (the FG may
 * read it to watch the deadlines: rights-request-handler). Deadlines follow AVG 12(3): one month, two more
 * only with a notice within the first month. A request past its deadline shows as overdue in both views
 * and stays in the open queue until it is decided — it is never dropped.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import type { GateContext } from '../../../core/policy/decide.ts';
import { deadlineState, mayExtendRightsRequest, rightsDeadlines } from '../../../core/residents/deadlines.ts';
import { cleanText, TEXT_LIMITS } from '../../../core/residents/text.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import type { RightsRequestKind, RightsRequestOutcome, RightsRequestTable } from '../../schema-residents.ts';
import type { Selectable } from 'kysely';
import { HANDLING, newReference, portalPurpose, professional, recordItem, residentNames, seal, subjectScope, today, unseal, type SubjectScope } from './common.ts';
import { categoryLabel } from './labels.ts';
import { helpRequestItem } from '../items.ts';
import type { HandlerRightsRequestView, RightsRequestView } from './views.ts';

type Row = Selectable<RightsRequestTable> & { hr_reference?: string | null };

export interface NewRightsRequest {
  kind: RightsRequestKind;
  text: string;
  subjectId?: string | null;
  helpRequestId?: string | null;
  categories?: string[];
}

function view(work: GateWork, r: Row): RightsRequestView {
  const d = rightsDeadlines({ receivedOn: r.received_on, kind: r.kind, extendedOn: r.extended_on });
  const actorId = work.actor && work.actor.kind !== 'system' ? work.actor.id : null;
  return {
    id: r.id,
    reference: r.reference,
    residentId: r.resident_id,
    filedBySelf: r.filed_by === r.resident_id || r.filed_by === actorId,
    kind: r.kind,
    status: r.status,
    text: unseal(work, 'rights_request', 'text_cipher', r.id, r.text_cipher) ?? '',
    helpRequestReference: r.hr_reference ?? null,
    categories: r.categories.map((c) => categoryLabel(work.policy, c)),
    receivedAt: new Date(r.received_at).toISOString(),
    receivedOn: r.received_on,
    answerBy: d.answerBy,
    firstMonthEnds: d.firstMonthEnds,
    destroyBy: d.destroyBy,
    extendedOn: r.extended_on,
    extensionReason: unseal(work, 'rights_request', 'extension_reason_cipher', r.id, r.extension_reason_cipher),
    decidedOn: r.decided_on,
    outcome: r.outcome,
    decision: unseal(work, 'rights_request', 'decision_cipher', r.id, r.decision_cipher),
    deadline: r.status === 'withdrawn' ? 'met' : deadlineState(d.answerBy, today(work), r.decided_on),
  };
}

function selectRequests(work: GateWork) {
  return work.tx.selectFrom('rights_request').leftJoin('help_request', 'help_request.id', 'rights_request.help_request_id').selectAll('rights_request').select('help_request.reference as hr_reference');
}

// ── The resident ──────────────────────────────────────────────────────────────────────────────────

export async function fileRightsRequest(session: GateSession, input: NewRightsRequest): Promise<RightsRequestView> {
  const text = cleanText(input.text, 'text', TEXT_LIMITS.request);
  const categories = [...new Set(input.categories ?? [])];
  for (const c of categories) if (!session.policy.categories.has(c)) throw new AppError('DATA_ITEM.UNKNOWN_CATEGORY', { field: 'categories' });
  return session.run('portal.rights_request.create', 'create', async (work) => {
    const scope = await subjectScope(work, input.subjectId ?? null);
    const id = randomUUID();
    const decision = scope.decide(recordItem('rights_request', id, scope.homeHouseholdId, scope.subjectId), 'create');
    if (!decision.permit) {
      work.denied(scope.subjectId, portalPurpose(work), { type: 'rights_request', id: null }, 'case', decision);
      return work.failAfterCommit('GATE.NOT_FOUND');
    }
    const helpRequestId = input.helpRequestId ? await ownHelpRequest(work, scope, input.helpRequestId) : null;
    await work.tx
      .insertInto('rights_request')
      .values({
        id,
        reference: newReference('AVG', work.now),
        resident_id: scope.subjectId,
        filed_by: work.actor!.kind === 'resident' ? work.actor!.id : scope.subjectId,
        kind: input.kind,
        help_request_id: helpRequestId,
        categories,
        text_cipher: seal(work, 'rights_request', 'text_cipher', id, text),
        received_at: work.now,
        received_on: today(work),
        status: 'received',
      })
      .execute();
    work.processed(scope.subjectId, portalPurpose(work), { type: 'rights_request', id }, ['case'], decision);
    return view(work, (await selectRequests(work).where('rights_request.id', '=', id).executeTakeFirstOrThrow()) as Row);
  });
}

/** A help request named in a request or complaint must be one the resident may see; otherwise 404. */
export async function ownHelpRequest(work: GateWork, scope: SubjectScope, helpRequestId: string): Promise<string> {
  const h = await work.tx.selectFrom('help_request').select(['id', 'household_id', 'resident_id', 'task_code', 'confidentiality']).where('id', '=', helpRequestId).executeTakeFirst();
  const decision = h ? scope.decide(helpRequestItem(work.policy, h)) : null;
  if (!h || !decision?.permit || h.resident_id !== scope.subjectId) {
    if (decision) work.denied(h?.resident_id ?? null, portalPurpose(work), { type: 'help_request', id: helpRequestId }, 'case', decision);
    return work.failAfterCommit('GATE.NOT_FOUND');
  }
  return h.id;
}

export async function myRightsRequests(session: GateSession, subjectId: string | null): Promise<RightsRequestView[]> {
  return session.run('portal.rights_request.list', 'list', async (work) => requestsOf(work, await subjectScope(work, subjectId)));
}

export async function requestsOf(work: GateWork, scope: SubjectScope): Promise<RightsRequestView[]> {
  const rows = (await selectRequests(work).where('rights_request.resident_id', '=', scope.subjectId).orderBy('rights_request.received_at', 'desc').execute()) as Row[];
  const out: RightsRequestView[] = [];
  for (const r of rows) {
    const decision = scope.decide(recordItem('rights_request', r.id, scope.homeHouseholdId, r.resident_id));
    if (!decision.permit) continue;
    work.processed(r.resident_id, portalPurpose(work), { type: 'rights_request', id: r.id }, ['case'], decision);
    out.push(view(work, r));
  }
  return out;
}

export async function myRightsRequest(session: GateSession, id: string): Promise<RightsRequestView> {
  return session.run('portal.rights_request.read', 'read', async (work) => {
    const r = (await selectRequests(work).where('rights_request.id', '=', id).executeTakeFirst()) as Row | undefined;
    const actor = work.actor!;
    const subject = r && actor.kind === 'resident' && r.resident_id !== actor.id ? r.resident_id : null;
    if (!r || actor.kind !== 'resident') return notFound(work, id);
    const scope = await subjectScope(work, subject, { type: 'rights_request', id });
    const decision = scope.decide(recordItem('rights_request', r.id, scope.homeHouseholdId, r.resident_id));
    if (!decision.permit) return notFound(work, id);
    work.processed(r.resident_id, portalPurpose(work), { type: 'rights_request', id: r.id }, ['case'], decision);
    return view(work, r);
  });
}

function notFound(work: GateWork, id: string): never {
  const d = work.decide(emptyContext(work), recordItem('rights_request', id, '', null));
  work.denied(null, work.actor!.kind === 'resident' ? portalPurpose(work) : HANDLING, { type: 'rights_request', id }, 'case', d);
  return work.failAfterCommit('GATE.NOT_FOUND');
}

function emptyContext(work: GateWork): GateContext {
  return { actor: work.actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] };
}

// ── The handler (functional administrator; the FG reads) ─────────────────────────────────────────

export type RightsQueueFilter = 'open' | 'overdue' | 'decided' | 'all';

async function handlerView(work: GateWork, r: Row, names: Map<string, { displayName: string }>, contact: Map<string, { email: string | null; phone: string | null }>, handlers: Map<string, string>): Promise<HandlerRightsRequestView> {
  const base = view(work, r);
  return {
    ...base,
    filedBySelf: r.filed_by === r.resident_id,
    subject: { displayName: names.get(r.resident_id)?.displayName ?? null, email: contact.get(r.resident_id)?.email ?? null, phone: contact.get(r.resident_id)?.phone ?? null },
    filedBy: { displayName: names.get(r.filed_by)?.displayName ?? null, representative: r.filed_by !== r.resident_id },
    handler: r.handler_id ? (handlers.get(r.handler_id) ?? null) : null,
    mayExtend: r.status !== 'withdrawn' && mayExtendRightsRequest({ receivedOn: r.received_on, extendedOn: r.extended_on, decidedOn: r.decided_on, today: today(work) }),
    version: r.version,
  };
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

export async function rightsQueue(session: GateSession, filter: RightsQueueFilter): Promise<HandlerRightsRequestView[]> {
  return session.run('rights_request.queue', 'list', async (work) => {
    const probe = work.decide(emptyContext(work), recordItem('rights_request', null, '', null), 'list');
    if (!probe.permit) {
      work.denied(null, HANDLING, { type: 'rights_request', id: null }, 'case', probe);
      return work.failAfterCommit('GATE.DENIED', { rule: probe.rule });
    }
    let q = selectRequests(work);
    if (filter === 'open' || filter === 'overdue') q = q.where('rights_request.status', 'in', ['received', 'in_progress']);
    if (filter === 'decided') q = q.where('rights_request.status', 'in', ['decided', 'withdrawn']);
    const rows = (await q.orderBy('rights_request.received_on').limit(1000).execute()) as Row[];
    const { names, contact, handlers } = await lookups(work, rows);
    const out: HandlerRightsRequestView[] = [];
    for (const r of rows) {
      const decision = work.decide(emptyContext(work), recordItem('rights_request', r.id, '', r.resident_id), 'list');
      if (!decision.permit) continue;
      const v = await handlerView(work, r, names, contact, handlers);
      if (filter === 'overdue' && v.deadline !== 'overdue') continue;
      work.processed(r.resident_id, HANDLING, { type: 'rights_request', id: r.id }, ['case', 'identity', 'contact'], decision);
      out.push(v);
    }
    // Most urgent first: overdue, then by deadline.
    return out.sort((a, b) => Number(b.deadline === 'overdue') - Number(a.deadline === 'overdue') || a.answerBy.localeCompare(b.answerBy));
  });
}

async function loadForHandler(work: GateWork, id: string, action: 'read' | 'update'): Promise<{ row: Row; decision: ReturnType<GateWork['decide']> }> {
  const r = (await selectRequests(work).where('rights_request.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!r) return notFound(work, id);
  const decision = work.decide(emptyContext(work), recordItem('rights_request', r.id, '', r.resident_id), action);
  if (!decision.permit) {
    work.denied(r.resident_id, HANDLING, { type: 'rights_request', id }, 'case', decision);
    const readable = work.decide(emptyContext(work), recordItem('rights_request', r.id, '', r.resident_id), 'read').permit;
    return work.failAfterCommit(readable ? 'GATE.DENIED' : 'GATE.NOT_FOUND', readable ? { rule: decision.rule } : undefined);
  }
  return { row: r, decision };
}

export async function rightsRequestForHandler(session: GateSession, id: string): Promise<HandlerRightsRequestView> {
  return session.run('rights_request.read', 'read', async (work) => {
    const { row, decision } = await loadForHandler(work, id, 'read');
    work.processed(row.resident_id, HANDLING, { type: 'rights_request', id }, ['case', 'identity', 'contact'], decision);
    const l = await lookups(work, [row]);
    return handlerView(work, row, l.names, l.contact, l.handlers);
  });
}

export type RightsRequestAction =
  | { action: 'start' }
  | { action: 'extend'; reason: string }
  | { action: 'decide'; outcome: RightsRequestOutcome; decision: string };

export async function handleRightsRequest(session: GateSession, id: string, step: RightsRequestAction): Promise<HandlerRightsRequestView> {
  const reason = step.action === 'extend' ? cleanText(step.reason, 'reason', TEXT_LIMITS.reason) : null;
  const decisionText = step.action === 'decide' ? cleanText(step.decision, 'decision', TEXT_LIMITS.decision) : null;
  return session.run(`rights_request.${step.action}`, 'update', async (work) => {
    const actor = professional(work)!;
    const { row, decision } = await loadForHandler(work, id, 'update');
    if (row.status === 'decided' || row.status === 'withdrawn') return work.failAfterCommit('RIGHTS_REQUEST.ALREADY_DECIDED');
    const day = today(work);
    const base = work.tx.updateTable('rights_request').where('id', '=', id).where('version', '=', row.version);
    let result;
    if (step.action === 'start') {
      result = await base.set({ status: 'in_progress', handler_id: actor.id, version: row.version + 1 }).executeTakeFirst();
    } else if (step.action === 'extend') {
      if (!mayExtendRightsRequest({ receivedOn: row.received_on, extendedOn: row.extended_on, decidedOn: row.decided_on, today: day })) {
        return work.failAfterCommit('RIGHTS_REQUEST.EXTENSION_NOT_ALLOWED');
      }
      result = await base
        .set({ status: 'in_progress', handler_id: row.handler_id ?? actor.id, extended_on: day, extension_reason_cipher: seal(work, 'rights_request', 'extension_reason_cipher', id, reason!), version: row.version + 1 })
        .executeTakeFirst();
    } else {
      result = await base
        .set({ status: 'decided', handler_id: row.handler_id ?? actor.id, decided_on: day, decided_by: actor.id, outcome: step.outcome, decision_cipher: seal(work, 'rights_request', 'decision_cipher', id, decisionText!), version: row.version + 1 })
        .executeTakeFirst();
    }
    if (Number(result.numUpdatedRows) !== 1) return work.failAfterCommit('CONFLICT.VERSION');
    work.processed(row.resident_id, HANDLING, { type: 'rights_request', id }, ['case'], decision);
    const updated = (await selectRequests(work).where('rights_request.id', '=', id).executeTakeFirstOrThrow()) as Row;
    const l = await lookups(work, [updated]);
    return handlerView(work, updated, l.names, l.contact, l.handlers);
  });
}
