/**
 * Rules and covenants administration with four eyes (R2.7, R10.4; issue 7 item 2). A person proposes a
 * new version of the rules catalogue (validated like a file in rules/, validateCatalogue) or of a
 * covenant; the console shows the structured difference with the version it starts from; a second
 * person approves (never the proposer: checked here and by the database); on its date the change takes
 * effect (activation.ts: the catalogue is loaded, the policy store reloads, the gate names the new
 * version). Every step is in the admin audit trail and in the processing log under pa-oversight.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { compareCatalogueVersions, diffCatalogues, nextCatalogueVersion, startNextCatalogue, type StructuredDiff } from '../../../core/accountability/diff.ts';
import { fourEyesViolation } from '../../../core/accountability/capabilities.ts';
import type { Catalogue, ProcessingActivityDef } from '../../../core/policy/catalogue.ts';
import { catalogueProblems } from '../../../core/policy/catalogue-validate.ts';
import { AppError } from '../../../core/errors.ts';
import { isRealDate } from '../../../core/domain/dates.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import type { ProposalKind, ProposalStatus } from '../../schema-accountability.ts';
import { audit, iso, logAction, parseJson, requireCapability, staffActor } from './common.ts';
import { covenantDiff, covenantRow, covenantSupport, type CovenantInput } from './covenants.ts';

export interface ProposalView {
  id: string;
  kind: ProposalKind;
  subject: string;
  baseVersion: string | null;
  proposedVersion: string;
  reason: string;
  effectiveFrom: string;
  status: ProposalStatus;
  proposedBy: { id: string; displayName: string };
  proposedAt: string;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  activatedAt: string | null;
  diff: StructuredDiff;
  /** What the signed-in person may do with it (four eyes: never approve one's own). */
  mayApprove: boolean;
  mayReject: boolean;
  mayWithdraw: boolean;
}

export interface CatalogueVersionView {
  version: string;
  effectiveFrom: string;
  sha256: string;
  loadedAt: string;
  inForce: boolean;
}

type ProposalRow = {
  id: string;
  kind: ProposalKind;
  subject: string;
  base_version: string | null;
  proposed_version: string;
  diff: unknown;
  reason: string;
  effective_from: string;
  status: ProposalStatus;
  proposed_by: string;
  proposed_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
  activated_at: Date | string | null;
  proposer_name: string;
  decider_name: string | null;
};

const columns = [
  'change_proposal.id',
  'change_proposal.kind',
  'change_proposal.subject',
  'change_proposal.base_version',
  'change_proposal.proposed_version',
  'change_proposal.diff',
  'change_proposal.reason',
  'change_proposal.effective_from',
  'change_proposal.status',
  'change_proposal.proposed_by',
  'change_proposal.proposed_at',
  'change_proposal.decided_by',
  'change_proposal.decided_at',
  'change_proposal.decision_note',
  'change_proposal.activated_at',
  'proposer.display_name as proposer_name',
  'decider.display_name as decider_name',
] as const;

function proposalQuery(work: GateWork) {
  return work.tx
    .selectFrom('change_proposal')
    .innerJoin('professional as proposer', 'proposer.id', 'change_proposal.proposed_by')
    .leftJoin('professional as decider', 'decider.id', 'change_proposal.decided_by')
    .select([...columns]);
}

function view(work: GateWork, r: ProposalRow): ProposalView {
  const me = work.actor?.kind === 'professional' ? work.actor.id : '';
  const open = r.status === 'proposed';
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    baseVersion: r.base_version,
    proposedVersion: r.proposed_version,
    reason: r.reason,
    effectiveFrom: r.effective_from,
    status: r.status,
    proposedBy: { id: r.proposed_by, displayName: r.proposer_name },
    proposedAt: iso(r.proposed_at)!,
    decidedBy: r.decided_by ? { id: r.decided_by, displayName: r.decider_name ?? '' } : null,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    activatedAt: iso(r.activated_at),
    diff: parseJson<StructuredDiff>(r.diff),
    mayApprove: open && !fourEyesViolation(r.proposed_by, me, 'approve'),
    mayReject: open && !fourEyesViolation(r.proposed_by, me, 'reject') && r.proposed_by !== me,
    mayWithdraw: open && !fourEyesViolation(r.proposed_by, me, 'withdraw'),
  };
}

/** The newest catalogue loaded (in force, or the last one that took effect). */
export async function newestCatalogue(work: GateWork): Promise<{ version: string; effectiveFrom: string; catalogue: Catalogue }> {
  const row = await work.tx
    .selectFrom('rule_catalogue')
    .select(['version', 'effective_from', 'content'])
    .orderBy('effective_from', 'desc')
    .orderBy('loaded_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { version: row.version, effectiveFrom: row.effective_from, catalogue: parseJson<Catalogue>(row.content) };
}

export async function listCatalogueVersions(session: GateSession): Promise<CatalogueVersionView[]> {
  return session.run('rule_catalogue.list', 'list', async (work) => {
    const decision = requireCapability(work, 'policy.read');
    const rows = await work.tx.selectFrom('rule_catalogue').select(['version', 'effective_from', 'sha256', 'loaded_at']).orderBy('effective_from', 'desc').execute();
    logAction(work, { type: 'rule_catalogue', id: null }, decision);
    return rows.map((r) => ({ version: r.version, effectiveFrom: r.effective_from, sha256: r.sha256, loadedAt: iso(r.loaded_at)!, inForce: r.version === work.policy.version }));
  });
}

/** The full text of a catalogue version (loaded, or proposed), for download and for review. */
export async function catalogueText(session: GateSession, version: string): Promise<unknown> {
  return session.run('rule_catalogue.read', 'read', async (work) => {
    const decision = requireCapability(work, 'policy.read');
    const row = await work.tx.selectFrom('rule_catalogue').select(['content']).where('version', '=', version).executeTakeFirst();
    const content = row
      ? row.content
      : (await work.tx.selectFrom('change_proposal').select(['payload']).where('kind', '=', 'rule_catalogue').where('proposed_version', '=', version).orderBy('proposed_at', 'desc').limit(1).executeTakeFirst())?.payload;
    if (content === undefined) throw new AppError('PROPOSAL.NOT_FOUND');
    logAction(work, { type: 'rule_catalogue', id: null }, decision);
    return parseJson<unknown>(content);
  });
}

export async function listProposals(session: GateSession, filter: { status?: ProposalStatus; kind?: ProposalKind } = {}): Promise<ProposalView[]> {
  return session.run('change_proposal.list', 'list', async (work) => {
    const decision = requireCapability(work, 'policy.read');
    let q = proposalQuery(work);
    if (filter.status) q = q.where('change_proposal.status', '=', filter.status);
    if (filter.kind) q = q.where('change_proposal.kind', '=', filter.kind);
    const rows = await q.orderBy('change_proposal.proposed_at', 'desc').limit(200).execute();
    logAction(work, { type: 'change_proposal', id: null }, decision);
    return rows.map((r) => view(work, r));
  });
}

export async function getProposal(session: GateSession, id: string): Promise<ProposalView> {
  return session.run('change_proposal.read', 'read', async (work) => {
    const decision = requireCapability(work, 'policy.read');
    const row = await proposalQuery(work).where('change_proposal.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('PROPOSAL.NOT_FOUND');
    logAction(work, { type: 'change_proposal', id }, decision);
    return view(work, row);
  });
}

function today(work: GateWork): string {
  return work.now.toISOString().slice(0, 10);
}

/** Validate a proposed catalogue against the newest one; returns it typed with its diff. */
async function checkCatalogue(work: GateWork, input: unknown): Promise<{ catalogue: Catalogue; base: Awaited<ReturnType<typeof newestCatalogue>>; diff: StructuredDiff }> {
  const problems = catalogueProblems(input);
  if (problems.length > 0) throw new AppError('PROPOSAL.INVALID_CATALOGUE', { problems: problems.slice(0, 100), count: problems.length });
  const catalogue = input as Catalogue;
  const base = await newestCatalogue(work);
  // Old decisions and log entries name the versions in force: a new version is newer, and starts
  // today or later (never backdated), after the newest one.
  if (compareCatalogueVersions(catalogue.version, base.version) <= 0) throw new AppError('PROPOSAL.INVALID_VERSION', { field: 'version', newest: base.version });
  if (catalogue.effectiveFrom < today(work) || catalogue.effectiveFrom <= base.effectiveFrom) {
    throw new AppError('PROPOSAL.INVALID_VERSION', { field: 'effectiveFrom', notBefore: today(work), after: base.effectiveFrom });
  }
  const loaded = await work.tx.selectFrom('rule_catalogue').select('version').where('version', '=', catalogue.version).executeTakeFirst();
  if (loaded) throw new AppError('PROPOSAL.INVALID_VERSION', { field: 'version', newest: base.version });
  const diff = diffCatalogues(base.catalogue, catalogue);
  if (diff.changes.every((c) => c.section === 'catalogue')) throw new AppError('PROPOSAL.NO_CHANGE');
  return { catalogue, base, diff };
}

async function insertProposal(
  work: GateWork,
  p: { kind: ProposalKind; subject: string; baseVersion: string | null; proposedVersion: string; payload: unknown; diff: StructuredDiff; reason: string; effectiveFrom: string },
): Promise<string> {
  const actor = staffActor(work);
  const id = randomUUID();
  await work.tx
    .insertInto('change_proposal')
    .values({
      id,
      kind: p.kind,
      subject: p.subject,
      base_version: p.baseVersion,
      proposed_version: p.proposedVersion,
      payload: sql`cast(${JSON.stringify(p.payload)} as jsonb)`,
      diff: sql`cast(${JSON.stringify(p.diff)} as jsonb)`,
      reason: p.reason,
      effective_from: p.effectiveFrom,
      status: 'proposed',
      proposed_by: actor.id,
      proposed_at: work.now,
    })
    .execute();
  await audit(work, {
    action: 'proposal.create',
    objectType: p.kind,
    objectId: id,
    details: { subject: p.subject, baseVersion: p.baseVersion, proposedVersion: p.proposedVersion, effectiveFrom: p.effectiveFrom, changes: p.diff.changes.length },
  });
  return id;
}

function checkReason(reason: string): string {
  const r = reason.trim();
  if (r.length < 3) throw new AppError('REQUEST.INVALID', { fields: ['/reason'] });
  return r;
}

/** Propose a whole new catalogue version (e.g. uploaded as JSON). */
export async function proposeCatalogue(session: GateSession, input: { catalogue: unknown; reason: string }): Promise<ProposalView> {
  const id = await session.run('change_proposal.create', 'create', async (work) => {
    const decision = requireCapability(work, 'policy.propose');
    const reason = checkReason(input.reason);
    const { catalogue, base, diff } = await checkCatalogue(work, input.catalogue);
    const pid = await insertProposal(work, { kind: 'rule_catalogue', subject: catalogue.version, baseVersion: base.version, proposedVersion: catalogue.version, payload: catalogue, diff, reason, effectiveFrom: catalogue.effectiveFrom });
    logAction(work, { type: 'change_proposal', id: pid }, decision);
    return pid;
  });
  return getProposal(session, id);
}

export type RegisterChangeInput = Omit<ProcessingActivityDef, 'code'> & { code: string; effectiveFrom: string; reason: string };

/**
 * Change one entry of the register (or add one): a new catalogue version that differs from the newest
 * only in that entry. The register and the policy stay one text, and the change gets four eyes too.
 */
export async function proposeRegisterChange(session: GateSession, input: RegisterChangeInput): Promise<ProposalView> {
  const id = await session.run('change_proposal.create', 'create', async (work) => {
    const decision = requireCapability(work, 'policy.propose');
    const reason = checkReason(input.reason);
    if (!isRealDate(input.effectiveFrom)) throw new AppError('DATE.INVALID', { field: 'effectiveFrom' });
    const base = await newestCatalogue(work);
    const next = startNextCatalogue(base.catalogue, nextCatalogueVersion(base.version, input.effectiveFrom), input.effectiveFrom);
    const entry: ProcessingActivityDef = {
      code: input.code,
      name: input.name,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      categories: [...input.categories],
      dataSubjects: [...input.dataSubjects],
      recipients: [...input.recipients],
      retention: input.retention,
      measures: input.measures,
    };
    const i = next.processingActivities.findIndex((a) => a.code === input.code);
    if (i === -1) next.processingActivities.push(entry);
    else next.processingActivities[i] = entry;
    const { catalogue, diff } = await checkCatalogue(work, next);
    const pid = await insertProposal(work, { kind: 'rule_catalogue', subject: catalogue.version, baseVersion: base.version, proposedVersion: catalogue.version, payload: catalogue, diff, reason, effectiveFrom: catalogue.effectiveFrom });
    logAction(work, { type: 'change_proposal', id: pid }, decision);
    return pid;
  });
  return getProposal(session, id);
}

/** Propose a new covenant or a new version of one (the covenant table is issue 5's; see covenants.ts). */
export async function proposeCovenant(session: GateSession, input: CovenantInput & { covenantId: string | null; reason: string }): Promise<ProposalView> {
  const id = await session.run('change_proposal.create', 'create', async (work) => {
    const decision = requireCapability(work, 'policy.propose');
    const reason = checkReason(input.reason);
    const support = await covenantSupport(work.tx);
    if (!support.available) throw new AppError('COVENANT.NOT_AVAILABLE');
    const current = input.covenantId ? await covenantRow(work.tx, input.covenantId) : null;
    if (input.covenantId && !current) throw new AppError('PROPOSAL.NOT_FOUND', { field: 'covenantId' });
    const { diff, payload, baseVersion, proposedVersion } = await covenantDiff(work, current, input);
    if (diff.changes.length === 0) throw new AppError('PROPOSAL.NO_CHANGE');
    const subject = input.covenantId ?? randomUUID();
    const pid = await insertProposal(work, { kind: 'covenant', subject, baseVersion, proposedVersion, payload, diff, reason, effectiveFrom: today(work) });
    logAction(work, { type: 'change_proposal', id: pid }, decision);
    return pid;
  });
  return getProposal(session, id);
}

export type ProposalDecision = 'approve' | 'reject' | 'withdraw';

/**
 * Approve, reject or withdraw. Four eyes: the proposer never approves (PROPOSAL.FOUR_EYES); only the
 * proposer withdraws. An approval of a catalogue version that no longer starts from the newest version
 * (another change took effect or was approved first) is refused as stale: propose it again on the new base.
 */
export async function decideProposal(session: GateSession, id: string, input: { decision: ProposalDecision; note?: string | null }): Promise<ProposalView> {
  await session.run(`change_proposal.${input.decision}`, 'update', async (work) => {
    const decision = requireCapability(work, input.decision === 'withdraw' ? 'policy.propose' : 'policy.decide');
    const actor = staffActor(work);
    const row = await work.tx.selectFrom('change_proposal').select(['id', 'kind', 'status', 'proposed_by', 'base_version', 'subject']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new AppError('PROPOSAL.NOT_FOUND');
    if (row.status !== 'proposed') throw new AppError('PROPOSAL.NOT_OPEN', { status: row.status });
    if (fourEyesViolation(row.proposed_by, actor.id, input.decision)) throw new AppError('PROPOSAL.FOUR_EYES', { decision: input.decision });
    if (input.decision === 'approve') {
      if (row.kind === 'rule_catalogue') {
        const base = await newestCatalogue(work);
        const rival = await work.tx
          .selectFrom('change_proposal')
          .select('id')
          .where('kind', '=', 'rule_catalogue')
          .where('status', '=', 'approved')
          .where('id', '<>', id)
          .limit(1)
          .executeTakeFirst();
        if (base.version !== row.base_version || rival) throw new AppError('PROPOSAL.STALE', { newest: base.version });
      } else {
        const current = await covenantRow(work.tx, row.subject);
        if ((current ? String(current.version) : null) !== row.base_version) throw new AppError('PROPOSAL.STALE');
      }
    }
    const status: ProposalStatus = input.decision === 'approve' ? 'approved' : input.decision === 'reject' ? 'rejected' : 'withdrawn';
    await work.tx
      .updateTable('change_proposal')
      .set({ status, decided_by: actor.id, decided_at: work.now, decision_note: input.note?.trim() || null })
      .where('id', '=', id)
      .execute();
    await audit(work, { action: `proposal.${input.decision}`, objectType: row.kind, objectId: id, details: { subject: row.subject, baseVersion: row.base_version } });
    logAction(work, { type: 'change_proposal', id }, decision);
  });
  return getProposal(session, id);
}
