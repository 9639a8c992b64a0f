/**
 * What every residents'-side repository function needs: whom the resident acts for (themself, or a
 * person they represent — decided by the gate's age rules), that person's households and the gate's
 * facts for them, the access restrictions that apply, sealing of free text, and the log purposes.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { fieldAad } from '../../../core/crypto/keyring.ts';
import type { Actor } from '../../../core/policy/actor.ts';
import type { Decision, GateContext, GateItem, RepresentationFact } from '../../../core/policy/decide.ts';
import type { RestrictionFact } from '../../../core/residents/restrictions.ts';
import { dutchDate } from '../../../core/residents/calendar.ts';
import { displayName } from '../../../core/domain/names.ts';
import { contextFor, loadHouseholdFacts, type FactsOptions, type HouseholdFacts } from '../../gate/facts.ts';
import { logPurpose, type LogPurpose } from '../../gate/purposes.ts';
import type { GateWork } from '../../gate/session.ts';
import '../../schema-residents.ts';
import type { RestrictionReasonCode } from '../../schema-residents.ts';

/** The register entry for handling rights requests and complaints (pa-oversight: "residents who complain or make a rights request"). */
export const HANDLING: LogPurpose = { helpRequestId: null, code: 'oversight', activity: 'pa-oversight' };

export function portalPurpose(work: GateWork): LogPurpose {
  return logPurpose(work.policy, work.actor!, null);
}

export function today(work: GateWork): string {
  return dutchDate(work.now);
}

/** A reference people can quote on the phone: AVG-2026-7F3K9Q, KL-2026-…; random, unique by constraint. */
export function newReference(prefix: 'AVG' | 'KL', now: Date): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(6);
  let code = '';
  for (const b of bytes) code += alphabet[b % alphabet.length];
  return `${prefix}-${dutchDate(now).slice(0, 4)}-${code}`;
}

export function seal(work: GateWork, table: string, column: string, id: string, text: string): Uint8Array {
  return work.keyring.encrypt(text, fieldAad(table, column, id));
}

export function unseal(work: GateWork, table: string, column: string, id: string, cipher: Uint8Array | null): string | null {
  return cipher === null ? null : work.keyring.decrypt(cipher, fieldAad(table, column, id));
}

export function resident(work: GateWork): Extract<Actor, { kind: 'resident' }> | null {
  const a = work.actor;
  return a && a.kind === 'resident' ? a : null;
}

export function professional(work: GateWork): Extract<Actor, { kind: 'professional' }> | null {
  const a = work.actor;
  return a && a.kind === 'professional' ? a : null;
}

/** A generic gate item for records of the residents' side (requests, complaints, notices). */
export function recordItem(type: GateItem['type'], id: string | null, householdId: string, residentId: string | null, category = 'case'): GateItem {
  return { type, id, householdId, residentId, category, collectedForLaw: null, source: null, confidentiality: 'vertrouwelijk', secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null };
}

/** Whom the resident acts for in this request, with the facts the gate needs for them. */
export interface SubjectScope {
  subjectId: string;
  isSelf: boolean;
  /** The subject's current households (the first is their home; usually there is one). */
  householdIds: string[];
  factsBy: Map<string, HouseholdFacts>;
  representation: RepresentationFact[];
  restrictions: RestrictionFact[];
  /** The restrictions on the subject whose existence may be disclosed (read with the scope, issue 8). */
  disclosed: DisclosedRestriction[];
  /** A household to decide records against that have no household of their own. */
  homeHouseholdId: string;
  /** The gate context for one of the subject's households. */
  context(householdId: string): GateContext;
  /** Decide an item under the subject's scope (its household's facts); the action defaults to 'read'. */
  decide(item: GateItem, action?: Parameters<GateWork['decide']>[2]): Decision;
}

export async function currentHouseholds(work: GateWork, residentId: string): Promise<string[]> {
  const day = work.now.toISOString().slice(0, 10);
  const rows = await work.tx
    .selectFrom('household_member')
    .select(['household_id'])
    .where('resident_id', '=', residentId)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', day)]))
    .orderBy('valid_from')
    .execute();
  return [...new Set(rows.map((r) => r.household_id))];
}

/** A restriction on the subject whose existence may be disclosed to them (not ended), oldest first. */
export interface DisclosedRestriction {
  fact: RestrictionFact;
  reasonCode: RestrictionReasonCode;
  reviewOn: string;
}

/** A legal representation as the statements read it (dates as days). */
interface RepresentationRow {
  id: string;
  resident_id: string;
  kind: RepresentationFact['kind'];
  valid_from: string;
  valid_until: string | null;
  birth_date: string;
}

function representationFact(r: RepresentationRow): RepresentationFact & { relationId: string } {
  return {
    relationId: r.id,
    residentId: r.resident_id,
    kind: r.kind,
    birthDate: r.birth_date,
    validFrom: new Date(`${r.valid_from}T00:00:00Z`),
    validUntil: r.valid_until === null ? null : new Date(`${r.valid_until}T00:00:00Z`),
  };
}

/** The people this resident currently represents (parents, guardians, curators, …) with their birth dates. */
export async function loadRepresentation(work: GateWork, actorId: string): Promise<Array<RepresentationFact & { relationId: string }>> {
  const day = work.now.toISOString().slice(0, 10);
  const rows = await work.tx
    .selectFrom('legal_representative')
    .innerJoin('resident', 'resident.id', 'legal_representative.resident_id')
    .select(['legal_representative.id', 'legal_representative.resident_id', 'legal_representative.kind', 'legal_representative.valid_from', 'legal_representative.valid_until', 'resident.birth_date'])
    .where('legal_representative.representative_id', '=', actorId)
    .where('legal_representative.valid_from', '<=', day)
    .where((eb) => eb.or([eb('legal_representative.valid_until', 'is', null), eb('legal_representative.valid_until', '>', day)]))
    .execute();
  return rows.map(representationFact);
}

/**
 * What every resident page reads before the gate can decide, in one statement (issue 8: they were three
 * round trips of every portal page): the people the signed-in resident represents, the subject's current
 * households (in the order they joined them), and the access restrictions on the subject and on the
 * records of those households (ended ones too: the gate checks the period).
 */
export async function loadScopeFacts(
  work: GateWork,
  actorId: string,
  subjectId: string,
): Promise<{ representation: Array<RepresentationFact & { relationId: string }>; householdIds: string[]; restrictions: RestrictionFact[]; disclosed: DisclosedRestriction[] }> {
  const day = work.now.toISOString().slice(0, 10);
  const current = sql`m.resident_id = ${subjectId} and m.valid_from <= ${day} and (m.valid_until is null or m.valid_until > ${day})`;
  const row = (
    await sql<{
      representation: RepresentationRow[];
      households: string[];
      restrictions: Array<{
        id: string;
        resident_id: string;
        object_ids: string[];
        categories: string[];
        applies_to: RestrictionFact['appliesTo'];
        decided_at: string;
        ended_at: string | null;
        disclose_existence: boolean;
        reason_code: RestrictionReasonCode;
        review_on: string;
      }>;
    }>`
      select
        coalesce((select json_agg(json_build_object('id', lr.id, 'resident_id', lr.resident_id, 'kind', lr.kind, 'valid_from', lr.valid_from,
                                                    'valid_until', lr.valid_until, 'birth_date', r.birth_date))
                  from legal_representative lr join resident r on r.id = lr.resident_id
                  where lr.representative_id = ${actorId} and lr.valid_from <= ${day} and (lr.valid_until is null or lr.valid_until > ${day})), '[]') as representation,
        coalesce((select json_agg(m.household_id order by m.valid_from) from household_member m where ${current}), '[]') as households,
        coalesce((select json_agg(json_build_object('id', a.id, 'resident_id', a.resident_id, 'object_ids', a.object_ids, 'categories', a.categories,
                                                    'applies_to', a.applies_to, 'decided_at', a.decided_at, 'ended_at', a.ended_at,
                                                    'disclose_existence', a.disclose_existence, 'reason_code', a.reason_code, 'review_on', a.review_on))
                  from access_restriction a
                  where a.resident_id = ${subjectId} or a.household_id in (select m.household_id from household_member m where ${current})), '[]') as restrictions`.execute(work.tx)
  ).rows[0]!;
  const restrictions = row.restrictions.map((r) => ({
    id: r.id,
    subjectId: r.resident_id,
    objectIds: r.object_ids,
    categories: r.categories,
    appliesTo: r.applies_to,
    validFrom: new Date(r.decided_at),
    endedAt: r.ended_at === null ? null : new Date(r.ended_at),
  }));
  const disclosed = row.restrictions
    .map((r, i) => ({ fact: restrictions[i]!, discloseExistence: r.disclose_existence, reasonCode: r.reason_code, reviewOn: r.review_on }))
    .filter((r) => r.discloseExistence && r.fact.subjectId === subjectId && r.fact.endedAt === null)
    .map(({ fact, reasonCode, reviewOn }) => ({ fact, reasonCode, reviewOn }))
    .sort((a, b) => a.fact.validFrom.getTime() - b.fact.validFrom.getTime());
  return { representation: row.representation.map(representationFact), householdIds: [...new Set(row.households)], restrictions, disclosed };
}

/**
 * Resolve whom the signed-in resident acts for. Themself when `subjectId` is null or their own id;
 * otherwise a person they represent, if the gate's age rules let them see that person's identity.
 * Anything else — an unknown id, someone they do not represent, a young person of 16 — is logged as a
 * denial and answered 404: a guessed id reveals nothing.
 */
export async function subjectScope(
  work: GateWork,
  subjectId: string | null,
  deniedObject: { type: string; id: string | null } = { type: 'resident', id: subjectId },
  /** What to read with the households' facts besides (the file: the plans, in the same statement). */
  factsOptions: FactsOptions = {},
): Promise<SubjectScope> {
  const actor = resident(work);
  if (!actor) return work.failAfterCommit('GATE.NOT_FOUND');
  const subject = subjectId ?? actor.id;
  const isSelf = subject === actor.id;
  const { representation, householdIds, restrictions, disclosed } = await loadScopeFacts(work, actor.id, subject);
  const factsBy = await loadHouseholdFacts(work.tx, work.policy, actor, householdIds, work.now, factsOptions);
  const homeHouseholdId = householdIds[0] ?? '';
  const context = (householdId: string): GateContext => {
    const facts = factsBy.get(householdId);
    const base: GateContext = facts
      ? contextFor(actor, facts, null, work.now)
      : { actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] };
    return { ...base, representation, restrictions };
  };
  const scope: SubjectScope = {
    subjectId: subject,
    isSelf,
    householdIds,
    factsBy,
    representation,
    restrictions,
    disclosed,
    homeHouseholdId,
    context,
    // Reads unless told otherwise: a view built inside a write run is still a read of what it shows.
    decide: (item, action = 'read') => work.decide(context(item.householdId || homeHouseholdId), item, action),
  };
  if (!isSelf) {
    // The gate decides whether this resident may act for the subject: the subject's identity is the probe.
    const probe = scope.decide({ ...recordItem('resident', subject, homeHouseholdId, subject, 'identity'), source: 'brp' });
    const exists = householdIds.length > 0 || (await work.tx.selectFrom('resident').select('id').where('id', '=', subject).executeTakeFirst()) !== undefined;
    if (!probe.permit || !exists) {
      work.denied(exists ? subject : null, portalPurpose(work), deniedObject, 'identity', probe);
      return work.failAfterCommit('GATE.NOT_FOUND');
    }
  }
  return scope;
}

/** Display name of a resident, as the BRP gives it (used for the people a resident represents). */
export async function residentNames(work: GateWork, ids: readonly string[]): Promise<Map<string, { displayName: string; birthDate: string }>> {
  const out = new Map<string, { displayName: string; birthDate: string }>();
  if (ids.length === 0) return out;
  const rows = await work.tx
    .selectFrom('resident')
    .select(['id', 'given_names', 'surname_prefix', 'surname', 'partner_surname_prefix', 'partner_surname', 'name_usage', 'birth_date'])
    .where('id', 'in', [...ids])
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      displayName: displayName({ givenNames: r.given_names, surnamePrefix: r.surname_prefix, surname: r.surname, partnerSurnamePrefix: r.partner_surname_prefix, partnerSurname: r.partner_surname, nameUsage: r.name_usage }),
      birthDate: r.birth_date,
    });
  }
  return out;
}

/** The municipality's name (the controller is its college), for letters and exports. */
export async function municipalityName(work: GateWork): Promise<string> {
  const m = await work.tx.selectFrom('organisation').select('name').where('kind', '=', 'municipality').orderBy('created_at').limit(1).executeTakeFirst();
  return m?.name ?? 'de gemeente';
}
