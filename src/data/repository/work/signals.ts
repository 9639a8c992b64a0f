/**
 * Early signals (issue 5 item 7; R7; GGM Vroegsignalering). Own observations first; automated
 * payment-arrears signals only with the reason for consulting them, only the fields the Bgs allows
 * (contact details and the amount — the route schema refuses anything else), and under the configurable
 * threshold not at all. Every signal has an accountable professional (R7.2): who picked it up and why,
 * the contact attempts (GGM Contactpoging), the outcome (GGM resultaat) and whether it was discussed with
 * the resident. Before a help request exists there is no purpose to decide under, so signals have their
 * own gate (decideSignal, rule signal-accountable) and their own register entries (pa-early-signals for
 * receiving, pa-wgs-vroegsignalering for the follow-up).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import type { Decision } from '../../../core/policy/decide.ts';
import {
  applyThreshold,
  assertConsultReason,
  decideSignal,
  euroToCents,
  type SignalResult,
} from '../../../core/work/signals.ts';
import { MIN_ARGUMENT } from '../../../core/work/step-plan.ts';
import type { LogPurpose } from '../../gate/purposes.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import type { Selectable } from 'kysely';
import type { EarlySignalTable } from '../../schema-work.ts';
import { iso, notFound, open, professional, seal } from './common.ts';
import type { SignalIntakeResult, SignalView } from './views.ts';

type SignalRow = Selectable<EarlySignalTable>;

const INTAKE: LogPurpose = { helpRequestId: null, code: 'early_signal', activity: 'pa-early-signals' };
const FOLLOW_UP: LogPurpose = { helpRequestId: null, code: 'early_signal', activity: 'pa-wgs-vroegsignalering' };

export interface ContactDetails {
  name: string;
  street?: string | null;
  houseNumber?: number | null;
  houseLetter?: string | null;
  postcode?: string | null;
  city?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface ArrearsSignalInput {
  creditorKind: 'housing' | 'energy' | 'water' | 'health_insurer';
  creditorName: string;
  arrearsAmount: number;
  arrearsSince: string;
  contact: ContactDetails;
}

async function orgKind(work: GateWork, organisationId: string): Promise<string | null> {
  return (await work.tx.selectFrom('organisation').select('kind').where('id', '=', organisationId).executeTakeFirst())?.kind ?? null;
}

function categoriesOf(kind: 'own_observation' | 'payment_arrears', contact: { phone?: string | null; email?: string | null; street?: string | null; postcode?: string | null }): string[] {
  const c = ['identity'];
  if (contact.street || contact.postcode) c.push('address');
  if (contact.phone || contact.email) c.push('contact');
  if (kind === 'payment_arrears') c.push('payment_arrears');
  return c;
}

/** Match on postcode, house number and surname with a resident the municipality knows (GGM matching). */
async function match(work: GateWork, contact: ContactDetails): Promise<string | null> {
  if (!contact.postcode || !contact.houseNumber) return null;
  const parts = contact.name.trim().toLowerCase().split(/\s+/);
  const surname = parts[parts.length - 1] ?? '';
  const rows = await work.tx
    .selectFrom('resident')
    .select(['id', 'given_names', 'surname', 'partner_surname'])
    .where('postcode', '=', contact.postcode.replace(/\s+/g, '').toUpperCase())
    .where('house_number', '=', contact.houseNumber)
    .limit(20)
    .execute();
  let hits = rows.filter((r) => r.surname.toLowerCase().endsWith(surname) || (r.partner_surname ?? '').toLowerCase().endsWith(surname));
  // Several people of that name at the address: the first given name decides, or there is no match.
  if (hits.length > 1 && parts.length > 1) hits = hits.filter((r) => r.given_names.toLowerCase().split(/\s+/)[0] === parts[0]);
  return hits.length === 1 ? hits[0]!.id : null;
}

function requireDecision(work: GateWork, d: Decision, subject: string | null, lp: LogPurpose, object: { type: string; id: string | null }, category: string, notFoundOnDeny: boolean): void {
  if (d.permit) return;
  work.denied(subject, lp, object, category, d);
  work.failAfterCommit(notFoundOnDeny ? 'GATE.NOT_FOUND' : 'GATE.DENIED', notFoundOnDeny ? undefined : { rule: d.rule });
}

export async function threshold(session: GateSession): Promise<{ thresholdEuros: number; version: number }> {
  return session.run('early_signal.settings', 'read', async (work) => {
    professional(work);
    const s = await work.tx.selectFrom('early_signal_setting').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    return { thresholdEuros: s.arrears_threshold_cents / 100, version: s.version };
  });
}

/** The threshold is data (R10.4): set by a functional administrator, on the version they saw. */
export async function setThreshold(session: GateSession, input: { thresholdEuros: number; version: number }): Promise<{ thresholdEuros: number; version: number }> {
  return session.run('early_signal.settings', 'update', async (work) => {
    const actor = professional(work);
    if (!actor.roles.includes('functional_admin')) throw new AppError('AUTH.ROLE_REQUIRED');
    const r = await work.tx
      .updateTable('early_signal_setting')
      .set((eb) => ({ arrears_threshold_cents: euroToCents(input.thresholdEuros), changed_by: actor.id, changed_at: work.now, version: eb('version', '+', 1) }))
      .where('id', '=', 1)
      .where('version', '=', input.version)
      .returning(['arrears_threshold_cents', 'version'])
      .executeTakeFirst();
    if (!r) throw new AppError('CONFLICT.VERSION');
    return { thresholdEuros: r.arrears_threshold_cents / 100, version: r.version };
  });
}

/**
 * Receive automated payment-arrears signals. The reason for consulting the automated source is
 * required (R7.1); signals under the threshold are dropped before anything is stored (counted only);
 * the rest become signals the receiving professional is accountable for.
 */
export async function receiveArrearsSignals(session: GateSession, input: { consultReason: string; signals: ArrearsSignalInput[] }): Promise<SignalIntakeResult> {
  return session.run('early_signal.receive', 'create', async (work) => {
    const actor = professional(work);
    assertConsultReason(input.consultReason);
    const kind = await orgKind(work, actor.organisationId);
    const probe = decideSignal(work.policy, actor, kind, 'create', { id: null, kind: 'payment_arrears', accountableId: null, category: 'payment_arrears' });
    requireDecision(work, probe, null, INTAKE, { type: 'early_signal', id: null }, 'payment_arrears', false);
    for (const s of input.signals) {
      if (Number.isNaN(new Date(s.arrearsSince).getTime()) || s.arrearsSince > work.now.toISOString().slice(0, 10)) throw new AppError('DATE.INVALID', { field: 'arrearsSince' });
    }
    const setting = await work.tx.selectFrom('early_signal_setting').select('arrears_threshold_cents').where('id', '=', 1).executeTakeFirstOrThrow();
    const { kept, dropped } = applyThreshold(input.signals.map((s) => ({ ...s, arrearsCents: euroToCents(s.arrearsAmount) })), setting.arrears_threshold_cents);
    const out: SignalIntakeResult['signals'] = [];
    for (const s of kept) {
      const id = randomUUID();
      const residentId = await match(work, s.contact);
      const cats = categoriesOf('payment_arrears', s.contact);
      for (const category of cats) {
        const d = decideSignal(work.policy, actor, kind, 'create', { id, kind: 'payment_arrears', accountableId: null, category });
        requireDecision(work, d, residentId, INTAKE, { type: 'early_signal', id }, category, false);
      }
      await work.tx
        .insertInto('early_signal')
        .values({
          id,
          kind: 'payment_arrears',
          status: 'new',
          received_at: work.now,
          creditor_kind: s.creditorKind,
          creditor_name: s.creditorName.trim(),
          arrears_cents: s.arrearsCents,
          arrears_since: s.arrearsSince,
          contact_name: s.contact.name.trim(),
          street: s.contact.street ?? null,
          house_number: s.contact.houseNumber ?? null,
          house_letter: s.contact.houseLetter ?? null,
          postcode: s.contact.postcode ? s.contact.postcode.replace(/\s+/g, '').toUpperCase() : null,
          city: s.contact.city ?? null,
          phone: s.contact.phone ?? null,
          email: s.contact.email ?? null,
          observation_cipher: null,
          consult_reason: input.consultReason.trim(),
          resident_id: residentId,
          accountable_id: actor.id,
          recorded_by: actor.id,
        })
        .execute();
      work.processed(residentId, INTAKE, { type: 'early_signal', id }, cats, decideSignal(work.policy, actor, kind, 'create', { id, kind: 'payment_arrears', accountableId: null, category: 'payment_arrears' }));
      out.push({ id, matched: residentId !== null });
    }
    return { received: input.signals.length, dropped, thresholdEuros: setting.arrears_threshold_cents / 100, signals: out };
  });
}

/** Record an own observation (R7.1: signals come primarily from the professional's own observation). */
export async function recordObservation(session: GateSession, input: { contact: ContactDetails; observation: string }): Promise<SignalView> {
  return session.run('early_signal.observe', 'create', async (work) => {
    const actor = professional(work);
    const kind = await orgKind(work, actor.organisationId);
    if (input.observation.trim().length < MIN_ARGUMENT) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'observation' });
    const id = randomUUID();
    const cats = categoriesOf('own_observation', input.contact);
    const d = decideSignal(work.policy, actor, kind, 'create', { id, kind: 'own_observation', accountableId: null, category: 'identity' });
    requireDecision(work, d, null, INTAKE, { type: 'early_signal', id }, 'identity', false);
    const residentId = await match(work, input.contact);
    await work.tx
      .insertInto('early_signal')
      .values({
        id,
        kind: 'own_observation',
        status: 'new',
        received_at: work.now,
        creditor_kind: null,
        creditor_name: null,
        arrears_cents: null,
        arrears_since: null,
        contact_name: input.contact.name.trim(),
        street: input.contact.street ?? null,
        house_number: input.contact.houseNumber ?? null,
        house_letter: input.contact.houseLetter ?? null,
        postcode: input.contact.postcode ? input.contact.postcode.replace(/\s+/g, '').toUpperCase() : null,
        city: input.contact.city ?? null,
        phone: input.contact.phone ?? null,
        email: input.contact.email ?? null,
        observation_cipher: seal(work, 'early_signal', 'observation_cipher', id, input.observation.trim()),
        consult_reason: null,
        resident_id: residentId,
        accountable_id: actor.id,
        recorded_by: actor.id,
      })
      .execute();
    work.processed(residentId, INTAKE, { type: 'early_signal', id }, [...cats, 'case'], d);
    const row = await work.tx.selectFrom('early_signal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return signalView(work, row, []);
  });
}

async function attemptsOf(work: GateWork, ids: string[]) {
  if (ids.length === 0) return [];
  return work.tx.selectFrom('contact_attempt').selectAll().where('signal_id', 'in', ids).orderBy('attempted_on').execute();
}

async function signalView(work: GateWork, r: SignalRow, attempts: Awaited<ReturnType<typeof attemptsOf>>): Promise<SignalView> {
  const acc = await work.tx.selectFrom('professional').select('display_name').where('id', '=', r.accountable_id).executeTakeFirst();
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    receivedAt: iso(r.received_at)!,
    creditor: r.creditor_kind ? { kind: r.creditor_kind, name: r.creditor_name } : null,
    arrearsEuros: r.arrears_cents === null ? null : r.arrears_cents / 100,
    arrearsSince: r.arrears_since,
    contact: { name: r.contact_name, street: r.street, houseNumber: r.house_number, houseLetter: r.house_letter, postcode: r.postcode, city: r.city, phone: r.phone, email: r.email },
    observation: open(work, 'early_signal', 'observation_cipher', r.id, r.observation_cipher),
    consultReason: r.consult_reason,
    residentId: r.resident_id,
    accountable: { id: r.accountable_id, name: acc?.display_name ?? '' },
    pickedUpAt: iso(r.picked_up_at),
    pickupReason: r.pickup_reason,
    result: r.result,
    resultNote: r.result_note,
    discussedWithResident: r.discussed_with_resident,
    closedAt: iso(r.closed_at),
    helpRequestId: r.help_request_id,
    contactAttempts: attempts.filter((a) => a.signal_id === r.id).map((a) => ({ id: a.id, kind: a.kind, reached: a.reached, dayPart: a.day_part, on: a.attempted_on, note: a.note })),
    version: r.version,
  };
}

/** My signals: only those I am accountable for (filtered in SQL, then decided per signal). */
export async function mySignals(session: GateSession): Promise<SignalView[]> {
  return session.run('early_signal.list', 'list', async (work) => {
    const actor = professional(work);
    const kind = await orgKind(work, actor.organisationId);
    const rows = await work.tx.selectFrom('early_signal').selectAll().where('accountable_id', '=', actor.id).orderBy('received_at', 'desc').limit(200).execute();
    const attempts = await attemptsOf(work, rows.map((r) => r.id));
    const out: SignalView[] = [];
    for (const r of rows) {
      const d = decideSignal(work.policy, actor, kind, 'read', { id: r.id, kind: r.kind, accountableId: r.accountable_id, category: 'identity' });
      if (!d.permit) continue;
      work.processed(r.resident_id, r.status === 'new' ? INTAKE : FOLLOW_UP, { type: 'early_signal', id: r.id }, categoriesOf(r.kind, r), d);
      out.push(await signalView(work, r, attempts));
    }
    return out;
  });
}

async function loadSignal(work: GateWork, id: string, action: 'read' | 'update') {
  const actor = professional(work);
  const kind = await orgKind(work, actor.organisationId);
  const r = await work.tx.selectFrom('early_signal').selectAll().where('id', '=', id).executeTakeFirst();
  const object = { type: 'early_signal', id };
  if (!r) return notFound(work, object, 'contact');
  const d = decideSignal(work.policy, actor, kind, action, { id, kind: r.kind, accountableId: r.accountable_id, category: 'identity' });
  requireDecision(work, d, r.resident_id, FOLLOW_UP, object, 'identity', true);
  return { r, d, actor, kind, object };
}

export async function signal(session: GateSession, id: string): Promise<SignalView> {
  return session.run('early_signal.read', 'read', async (work) => {
    const { r, d, object } = await loadSignal(work, id, 'read');
    work.processed(r.resident_id, FOLLOW_UP, object, categoriesOf(r.kind, r), d);
    return signalView(work, r, await attemptsOf(work, [id]));
  });
}

async function change(session: GateSession, name: string, id: string, version: number, apply: (work: GateWork, r: SignalRow) => Promise<Partial<Record<keyof EarlySignalTable, unknown>>>): Promise<SignalView> {
  return session.run(name, 'update', async (work) => {
    const { r, d, object } = await loadSignal(work, id, 'update');
    if (r.status === 'closed') throw new AppError('SIGNAL.CLOSED');
    const patch = await apply(work, r);
    const u = await work.tx
      .updateTable('early_signal')
      .set((eb) => ({ ...(patch as object), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!u) throw new AppError('CONFLICT.VERSION');
    work.processed(r.resident_id, FOLLOW_UP, object, categoriesOf(r.kind, r), d);
    return signalView(work, u, await attemptsOf(work, [id]));
  });
}

/** Pick the signal up: why (R7.2). The accountable professional stays the one who picked it up. */
export function pickUp(session: GateSession, id: string, input: { version: number; reason: string }) {
  return change(session, 'early_signal.pick_up', id, input.version, async (work) => {
    if (input.reason.trim().length < MIN_ARGUMENT) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'reason' });
    return { status: 'picked_up', picked_up_at: work.now, pickup_reason: input.reason.trim() };
  });
}

/** Hand the signal over to a colleague of the municipality, who is accountable from then on. */
export function handOver(session: GateSession, id: string, input: { version: number; professionalId: string }) {
  return change(session, 'early_signal.hand_over', id, input.version, async (work) => {
    const p = await work.tx.selectFrom('professional').innerJoin('organisation', 'organisation.id', 'professional.organisation_id').select(['professional.active', 'organisation.kind']).where('professional.id', '=', input.professionalId).executeTakeFirst();
    if (!p?.active || (p.kind !== 'municipality' && p.kind !== 'municipal_team')) throw new AppError('INVOLVEMENT.INVALID_TARGET', { field: 'professionalId' });
    return { accountable_id: input.professionalId };
  });
}

export function addContactAttempt(session: GateSession, id: string, input: { version: number; kind: string; reached: boolean; dayPart: 'ochtend' | 'middag' | 'avond' | null; on: string; note?: string | null }) {
  return change(session, 'early_signal.contact_attempt', id, input.version, async (work, r) => {
    if (input.on > work.now.toISOString().slice(0, 10)) throw new AppError('DATE.INVALID', { field: 'on' });
    await work.tx.insertInto('contact_attempt').values({ id: randomUUID(), signal_id: r.id, kind: input.kind, reached: input.reached, day_part: input.dayPart, attempted_on: input.on, note: input.note?.trim() || null, recorded_by: work.actor!.kind === 'professional' ? work.actor!.id : '', recorded_at: work.now }).execute();
    return r.status === 'new' ? { status: 'picked_up', picked_up_at: work.now } : {};
  });
}

/** The outcome (GGM resultaat) and whether the signal was discussed with the resident (R7.1). */
export function closeSignal(session: GateSession, id: string, input: { version: number; result: SignalResult; note: string; discussedWithResident: boolean }) {
  return change(session, 'early_signal.close', id, input.version, async (work) => {
    if (input.note.trim().length < MIN_ARGUMENT) throw new AppError('STEP_PLAN.ARGUMENT_REQUIRED', { field: 'note' });
    return { status: 'closed', result: input.result, result_note: input.note.trim(), discussed_with_resident: input.discussedWithResident, closed_at: work.now };
  });
}

