/**
 * The training sandbox (R11): a separate, fictitious municipality where professionals practise the step
 * plan and see the gate's decision and explanation for every choice.
 *
 * Isolation: the sandbox is its own database — an in-memory PGlite, migrated and seeded with the seed
 * module (fictitious residents, the demo household) and its own freshly generated keys — opened on first
 * use and dropped with the server. It never connects to the production database and production data
 * never reach it; the sandbox's Store is not the production Store, so no repository of the real
 * municipality can see it. Its contents are fictitious, so reading them is not processing of personal
 * data; the exercise decisions are still written to the sandbox's own processing log, to show what the
 * log records.
 *
 * The trainee chooses a case (a fictitious household), a purpose (one of its help requests, or none),
 * the role they play (director, case worker, chain partner for a sub-activity, consulted expert, or not
 * involved), an action, and a datum (an existing item, or a category with its source and the help request
 * it was collected for). The sandbox builds the involvement that role would have, asks decide() and
 * explain(), and lays the rules out along the steps of the step plan.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Config } from '../../../config/config.ts';
import { Keyring } from '../../../core/crypto/keyring.ts';
import { stepsOf, type TrainingStep } from '../../../core/accountability/training.ts';
import { AppError } from '../../../core/errors.ts';
import { displayName } from '../../../core/domain/names.ts';
import type { Actor } from '../../../core/policy/actor.ts';
import type { Action, GateItem, InvolvementFact } from '../../../core/policy/decide.ts';
import type { CompiledPolicy } from '../../../core/policy/compile.ts';
import type { DB } from '../../schema.ts';
import { explain, type Explanation } from '../../../core/policy/explain.ts';
import { isConfidentialityLevel } from '../../../core/domain/confidentiality.ts';
import { openPglite } from '../../db.ts';
import { contextFor, lawOfTask, loadHouseholdFacts } from '../../gate/facts.ts';
import { logPurpose } from '../../gate/purposes.ts';
import { GateSession, newTrace } from '../../gate/session.ts';
import { seedMunicipality } from '../../seed-logged.ts';
import { storeInternals, type Store } from '../../store-internals.ts';
import { openStore } from '../../store.ts';

/** How big the fictitious municipality is, and its seed (the same seed gives the same cases). */
export const SANDBOX = { residents: 150, seed: 3715 } as const;

export type TrainingRole = 'director' | 'case_worker' | 'provider' | 'expert' | 'not_involved';

export interface TrainingCase {
  householdId: string;
  reference: string;
  members: Array<{ residentId: string; displayName: string; relation: string; birthDate: string }>;
  helpRequests: Array<{ id: string; reference: string; residentId: string; domain: string; task: string; law: string; status: string }>;
  subActivities: Array<{ id: string; helpRequestId: string; organisation: string; residentId: string; dataCategories: string[]; status: string }>;
  consents: Array<{ helpRequestId: string; residentId: string; kind: string; categories: string[]; sourceLaw: string | null; targetLaw: string | null; withdrawn: boolean }>;
  dataItems: Array<{ id: string; residentId: string; helpRequestId: string; category: string; source: string; law: string; confidentiality: string; partnerRecord: boolean }>;
}

export interface TrainingChoice {
  householdId: string;
  purposeHelpRequestId: string | null;
  role: TrainingRole;
  /** For the chain-partner role: the sub-activity carried out. */
  subActivityId?: string | null;
  /** For the case-worker role: the help request the involvement is for (default: the purpose). */
  involvementHelpRequestId?: string | null;
  maxConfidentiality?: string;
  action: Extract<Action, 'read' | 'create' | 'update'>;
  /** An existing item of the household … */
  dataItemId?: string | null;
  /** … or a datum described by category, subject, source and the help request it was collected for. */
  residentId?: string | null;
  category?: string | null;
  source?: string | null;
  collectedForHelpRequestId?: string | null;
  confidentiality?: string | null;
}

export interface TrainingOutcome {
  decision: 'permit' | 'deny';
  rule: string;
  catalogueVersion: string;
  explanation: Explanation;
  steps: TrainingStep[];
  /** What the sandbox's processing log recorded for this exercise. */
  logged: { name: string; activity: string; decision: 'permit' | 'deny' };
}

export interface TrainingSandbox {
  store: Store;
  /** The rules catalogue in force in the sandbox (the shipped one). */
  policy(): CompiledPolicy;
  cases(): Promise<TrainingCase[]>;
  decide(choice: TrainingChoice): Promise<TrainingOutcome>;
  close(): Promise<void>;
}

const sandboxes = new WeakMap<Store, Promise<TrainingSandbox>>();

/** The sandbox that belongs to this (production) store: opened and seeded on first use. */
export function trainingSandbox(store: Store): Promise<TrainingSandbox> {
  let s = sandboxes.get(store);
  if (!s) {
    s = openSandbox(store.config);
    sandboxes.set(store, s);
    s.catch(() => sandboxes.delete(store));
  }
  return s;
}

export async function closeTrainingSandbox(store: Store): Promise<void> {
  const s = sandboxes.get(store);
  if (!s) return;
  sandboxes.delete(store);
  await (await s.catch(() => null))?.close();
}

async function openSandbox(config: Config): Promise<TrainingSandbox> {
  // Its own database: always an in-memory PGlite, whatever the production database is.
  const pglite = await openPglite(undefined);
  const sandboxConfig: Config = { ...config, database: { kind: 'pglite', appRole: config.database.appRole, dataDir: '', poolSize: 1 } };
  const store = await openStore(sandboxConfig, { keyring: new Keyring(Keyring.generateMaterial()), pglite, migrate: true });
  try {
    await seedMunicipality(store, { residents: SANDBOX.residents, seed: SANDBOX.seed });
  } catch (err) {
    await store.close();
    await pglite.close();
    throw err;
  }
  // The cases are fictitious and never change (exercises write only to the sandbox's log): read once.
  // Read per call they cost some 60 statements on the in-process database, and at city-scale load the
  // sandbox's page took seconds (issue 8).
  let caseList: Promise<TrainingCase[]> | null = null;
  return {
    store,
    policy: () => storeInternals(store).policy.policy(),
    cases: () => {
      caseList ??= cases(store).catch((err: unknown) => {
        caseList = null;
        throw err;
      });
      return caseList;
    },
    decide: (choice) => decideChoice(store, choice),
    close: async () => {
      await store.close();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function cases(store: Store): Promise<TrainingCase[]> {
  const { db } = storeInternals(store).database;
  const policy = storeInternals(store).policy.policy();
  // Households with more than one help request first: those are the cases worth practising on.
  const households = await db
    .selectFrom('household as h')
    .innerJoin('help_request as hr', 'hr.household_id', 'h.id')
    .select(['h.id', 'h.reference', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['h.id', 'h.reference'])
    .orderBy('n', 'desc')
    .orderBy('h.reference')
    .limit(12)
    .execute();
  const out: TrainingCase[] = [];
  for (const h of households) {
    const members = await db
      .selectFrom('household_member as m')
      .innerJoin('resident as r', 'r.id', 'm.resident_id')
      .select(['r.id', 'r.given_names', 'r.surname_prefix', 'r.surname', 'r.partner_surname_prefix', 'r.partner_surname', 'r.name_usage', 'r.birth_date', 'm.relation'])
      .where('m.household_id', '=', h.id)
      .where('m.valid_until', 'is', null)
      .orderBy('r.birth_date')
      .execute();
    const hrs = await db.selectFrom('help_request').select(['id', 'reference', 'resident_id', 'domain_code', 'task_code', 'status']).where('household_id', '=', h.id).orderBy('registered_at').execute();
    const hrIds = hrs.map((x) => x.id);
    const subs = hrIds.length
      ? await db
          .selectFrom('sub_activity as s')
          .innerJoin('organisation as o', 'o.id', 's.organisation_id')
          .select(['s.id', 's.help_request_id', 'o.name', 's.resident_id', 's.data_categories', 's.status'])
          .where('s.help_request_id', 'in', hrIds)
          .execute()
      : [];
    const consents = hrIds.length ? await db.selectFrom('consent').select(['help_request_id', 'resident_id', 'kind', 'categories', 'source_law', 'target_law', 'withdrawn_at']).where('help_request_id', 'in', hrIds).execute() : [];
    const items = await db
      .selectFrom('data_item as d')
      .innerJoin('help_request as hr', 'hr.id', 'd.help_request_id')
      .select(['d.id', 'd.resident_id', 'd.help_request_id', 'd.category', 'd.source', 'd.confidentiality', 'd.sub_activity_id', 'hr.task_code'])
      .where('d.household_id', '=', h.id)
      .orderBy('d.category')
      .limit(60)
      .execute();
    out.push({
      householdId: h.id,
      reference: h.reference,
      members: members.map((m) => ({
        residentId: m.id,
        displayName: displayName({ givenNames: m.given_names, surnamePrefix: m.surname_prefix, surname: m.surname, partnerSurnamePrefix: m.partner_surname_prefix, partnerSurname: m.partner_surname, nameUsage: m.name_usage }),
        relation: m.relation,
        birthDate: m.birth_date,
      })),
      helpRequests: hrs.map((x) => ({ id: x.id, reference: x.reference, residentId: x.resident_id, domain: x.domain_code, task: x.task_code, law: lawOfTask(policy, x.task_code), status: x.status })),
      subActivities: subs.map((s) => ({ id: s.id, helpRequestId: s.help_request_id, organisation: s.name, residentId: s.resident_id, dataCategories: s.data_categories, status: s.status })),
      consents: consents.map((c) => ({ helpRequestId: c.help_request_id, residentId: c.resident_id, kind: c.kind, categories: c.categories, sourceLaw: c.source_law, targetLaw: c.target_law, withdrawn: c.withdrawn_at !== null })),
      dataItems: items.map((d) => ({ id: d.id, residentId: d.resident_id, helpRequestId: d.help_request_id, category: d.category, source: d.source, law: lawOfTask(policy, d.task_code), confidentiality: d.confidentiality, partnerRecord: d.sub_activity_id !== null })),
    });
  }
  return out;
}

async function decideChoice(store: Store, c: TrainingChoice): Promise<TrainingOutcome> {
  const internals = storeInternals(store);
  const { db } = internals.database;
  const policy = internals.policy.policy();
  const now = new Date();
  const household = await db.selectFrom('household').select('id').where('id', '=', c.householdId).executeTakeFirst();
  if (!household) throw new AppError('TRAINING.UNKNOWN_CASE');
  // The trainee acts as a fictitious professional; a chain partner belongs to the sub-activity's organisation.
  const traineeId = randomUUID();
  let organisationId = (await db.selectFrom('organisation').select('id').where('kind', '=', 'municipal_team').orderBy('name').limit(1).executeTakeFirst())?.id ?? randomUUID();
  const sub = c.role === 'provider' && c.subActivityId ? await db.selectFrom('sub_activity').select(['id', 'organisation_id', 'help_request_id']).where('id', '=', c.subActivityId).executeTakeFirst() : undefined;
  if (c.role === 'provider') {
    if (!sub) throw new AppError('TRAINING.INVALID_CHOICE', { field: 'subActivityId' });
    organisationId = sub.organisation_id;
  }
  const actor: Actor = { kind: 'professional', id: traineeId, organisationId, roles: [c.role === 'provider' ? 'chain_partner' : 'professional'], displayName: 'Oefening' };
  const max = c.maxConfidentiality ?? 'vertrouwelijk';
  if (!isConfidentialityLevel(max)) throw new AppError('TRAINING.INVALID_CHOICE', { field: 'maxConfidentiality' });

  const session = new GateSession(internals.gateEnv, { actor, trace: newTrace(), now });
  return session.run('training.decide', c.action, async (work) => {
    const facts = (await loadHouseholdFacts(work.tx, policy, actor, [c.householdId], now)).get(c.householdId)!;
    const involvement: InvolvementFact | null =
      c.role === 'not_involved'
        ? null
        : {
            id: randomUUID(),
            professionalId: traineeId,
            householdId: c.householdId,
            helpRequestId: c.role === 'case_worker' || c.role === 'expert' ? (c.involvementHelpRequestId ?? c.purposeHelpRequestId) : null,
            subActivityId: c.role === 'provider' ? sub!.id : null,
            role: c.role,
            maxConfidentiality: max,
            validFrom: new Date(now.getTime() - 86_400_000),
            validUntil: null,
          };
    if (involvement) facts.involvements.push(involvement);
    if (sub) {
      const s = await work.tx.selectFrom('sub_activity').select(['id', 'help_request_id', 'organisation_id', 'resident_id', 'life_domain', 'data_categories', 'status']).where('id', '=', sub.id).executeTakeFirstOrThrow();
      facts.subActivities.set(s.id, { id: s.id, helpRequestId: s.help_request_id, organisationId: s.organisation_id, residentId: s.resident_id, lifeDomain: s.life_domain, dataCategories: s.data_categories, status: s.status });
    }
    const purpose = c.purposeHelpRequestId ? facts.helpRequests.get(c.purposeHelpRequestId) ?? null : null;
    if (c.purposeHelpRequestId && !purpose) throw new AppError('TRAINING.INVALID_CHOICE', { field: 'purposeHelpRequestId' });
    const item = await itemFor(work.tx, policy, c);
    const decision = work.decide(contextFor(actor, facts, purpose, now), item, c.action);
    const lp = logPurpose(policy, actor, purpose);
    if (decision.permit) work.processed(item.residentId, lp, { type: item.type, id: item.id }, [item.category], decision);
    else work.denied(item.residentId, lp, { type: item.type, id: item.id }, item.category, decision);
    const explanation = explain(policy, decision);
    return {
      decision: explanation.decision,
      rule: decision.rule,
      catalogueVersion: decision.catalogueVersion,
      explanation,
      steps: stepsOf(explanation.rules, decision.permit),
      logged: { name: 'training.decide', activity: lp.activity, decision: explanation.decision },
    };
  });
}

async function itemFor(tx: Transaction<DB>, policy: CompiledPolicy, c: TrainingChoice): Promise<GateItem> {
  if (c.dataItemId) {
    const d = await tx
      .selectFrom('data_item as d')
      .innerJoin('help_request as hr', 'hr.id', 'd.help_request_id')
      .leftJoin('professional as p', 'p.id', 'd.recorded_by')
      .select(['d.id', 'd.household_id', 'd.resident_id', 'd.category', 'd.source', 'd.confidentiality', 'd.secrecy_origin', 'd.sub_activity_id', 'hr.task_code', 'p.organisation_id'])
      .where('d.id', '=', c.dataItemId)
      .where('d.household_id', '=', c.householdId)
      .executeTakeFirst();
    if (!d) throw new AppError('TRAINING.INVALID_CHOICE', { field: 'dataItemId' });
    return {
      type: 'data_item',
      id: d.id,
      householdId: d.household_id,
      residentId: d.resident_id,
      category: d.category,
      collectedForLaw: lawOfTask(policy, d.task_code),
      source: d.source,
      confidentiality: d.confidentiality,
      secrecyOrigin: d.secrecy_origin,
      subActivityId: d.sub_activity_id,
      recordedByOrganisationId: d.organisation_id,
    };
  }
  if (!c.category || !policy.categories.has(c.category)) throw new AppError('TRAINING.INVALID_CHOICE', { field: 'category' });
  if (c.source && !policy.sources.has(c.source)) throw new AppError('TRAINING.INVALID_CHOICE', { field: 'source' });
  let law: string | null = null;
  if (c.collectedForHelpRequestId) {
    const hr = await tx.selectFrom('help_request').select(['task_code']).where('id', '=', c.collectedForHelpRequestId).where('household_id', '=', c.householdId).executeTakeFirst();
    if (!hr) throw new AppError('TRAINING.INVALID_CHOICE', { field: 'collectedForHelpRequestId' });
    law = lawOfTask(policy, hr.task_code);
  }
  const member = c.residentId
    ? await tx.selectFrom('household_member').select('resident_id').where('household_id', '=', c.householdId).where('resident_id', '=', c.residentId).executeTakeFirst()
    : undefined;
  if (c.residentId && !member) throw new AppError('TRAINING.INVALID_CHOICE', { field: 'residentId' });
  const level = c.confidentiality ?? policy.categories.get(c.category)!.defaultConfidentiality;
  if (!isConfidentialityLevel(level)) throw new AppError('TRAINING.INVALID_CHOICE', { field: 'confidentiality' });
  return {
    type: 'data_item',
    id: null,
    householdId: c.householdId,
    residentId: c.residentId ?? null,
    category: c.category,
    collectedForLaw: law,
    source: c.source ?? null,
    confidentiality: level,
    secrecyOrigin: null,
    subActivityId: null,
    recordedByOrganisationId: null,
  };
}
