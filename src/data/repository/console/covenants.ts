/**
 * Covenants through the four-eyes procedure (R8.1, R10.4). The `covenant` table belongs to issue 5
 * (migration 0004: one row per covenant, `version` counted up on every change); this module reads and
 * writes it only through the proposal procedure, and checks at run time that the table and its columns
 * are there, so the console keeps working (saying "not available") on a database without them. The full
 * text of every version stays in change_proposal.payload, so the history survives the row's update.
 */
import { sql, type Transaction } from 'kysely';
import { diffRecords, type StructuredDiff } from '../../../core/accountability/diff.ts';
import { COVENANT_STATUSES, type CovenantStatus } from '../../../core/policy/covenant.ts';
import { AppError } from '../../../core/errors.ts';
import { isRealDate } from '../../../core/domain/dates.ts';
import type { DB } from '../../schema.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import { logAction, requireCapability, tableColumns } from './common.ts';

export interface CovenantInput {
  organisationId: string;
  title: string;
  categories: string[];
  purposes: string[];
  legalBasis: string;
  validFrom: string;
  validUntil: string | null;
  status: CovenantStatus;
}

export interface CovenantView extends CovenantInput {
  id: string;
  organisationName: string;
  version: number;
  /** In force today: active and within its period. */
  current: boolean;
}

const NEEDED = ['id', 'organisation_id', 'title', 'categories', 'purposes', 'legal_basis', 'valid_from', 'valid_until', 'status', 'version'];

export async function covenantSupport(tx: Transaction<DB>): Promise<{ available: boolean; createdBy: boolean }> {
  const cols = await tableColumns(tx, 'covenant');
  return { available: NEEDED.every((c) => cols.has(c)), createdBy: cols.has('created_by') };
}

type CovenantRow = {
  id: string;
  organisation_id: string;
  organisation_name: string;
  title: string;
  categories: string[];
  purposes: string[];
  legal_basis: string;
  valid_from: string;
  valid_until: string | null;
  status: CovenantStatus;
  version: number;
};

const SELECT = sql`select c.id, c.organisation_id, o.name as organisation_name, c.title, c.categories, c.purposes, c.legal_basis,
  c.valid_from::text as valid_from, c.valid_until::text as valid_until, c.status, c.version
  from covenant c join organisation o on o.id = c.organisation_id`;

export async function covenantRow(tx: Transaction<DB>, id: string): Promise<CovenantRow | null> {
  if (!(await covenantSupport(tx)).available) return null;
  const r = await sql<CovenantRow>`${SELECT} where c.id = ${id}`.execute(tx);
  return r.rows[0] ?? null;
}

function toInput(r: CovenantRow): CovenantInput {
  return { organisationId: r.organisation_id, title: r.title, categories: r.categories, purposes: r.purposes, legalBasis: r.legal_basis, validFrom: r.valid_from, validUntil: r.valid_until, status: r.status };
}

export async function listCovenants(session: GateSession): Promise<{ available: boolean; covenants: CovenantView[] }> {
  return session.run('covenant.list', 'list', async (work) => {
    const decision = requireCapability(work, 'policy.read');
    logAction(work, { type: 'covenant', id: null }, decision);
    if (!(await covenantSupport(work.tx)).available) return { available: false, covenants: [] };
    const r = await sql<CovenantRow>`${SELECT} order by o.name, c.title`.execute(work.tx);
    const day = work.now.toISOString().slice(0, 10);
    return {
      available: true,
      covenants: r.rows.map((c) => ({
        id: c.id,
        organisationName: c.organisation_name,
        version: c.version,
        current: c.status === 'active' && c.valid_from <= day && (c.valid_until === null || day < c.valid_until),
        ...toInput(c),
      })),
    };
  });
}

/** Validate a proposed covenant against the catalogue in force and the organisations. */
async function checkCovenant(work: GateWork, input: CovenantInput): Promise<CovenantInput> {
  const p = work.policy;
  const bad = (field: string) => new AppError('COVENANT.INVALID', { field });
  if (input.title.trim().length < 3) throw bad('title');
  if (input.categories.length === 0 || input.categories.some((c) => !p.categories.has(c))) throw bad('categories');
  if (input.purposes.length === 0 || input.purposes.some((t) => !p.tasks.has(t))) throw bad('purposes');
  if (!p.rules.has(input.legalBasis)) throw bad('legalBasis');
  if (!COVENANT_STATUSES.includes(input.status)) throw bad('status');
  if (!isRealDate(input.validFrom)) throw bad('validFrom');
  if (input.validUntil !== null && (!isRealDate(input.validUntil) || input.validUntil <= input.validFrom)) throw bad('validUntil');
  const org = await work.tx.selectFrom('organisation').select(['id', 'kind']).where('id', '=', input.organisationId).executeTakeFirst();
  if (!org) throw bad('organisationId');
  return {
    organisationId: input.organisationId,
    title: input.title.trim(),
    categories: [...new Set(input.categories)].sort(),
    purposes: [...new Set(input.purposes)].sort(),
    legalBasis: input.legalBasis,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    status: input.status,
  };
}

export async function covenantDiff(
  work: GateWork,
  current: CovenantRow | null,
  input: CovenantInput,
): Promise<{ diff: StructuredDiff; payload: CovenantInput; baseVersion: string | null; proposedVersion: string }> {
  const payload = await checkCovenant(work, input);
  const before = current ? { ...toInput(current), categories: [...current.categories].sort(), purposes: [...current.purposes].sort() } : null;
  const baseVersion = current ? String(current.version) : null;
  const proposedVersion = String((current?.version ?? 0) + 1);
  const diff = diffRecords(before as Record<string, unknown> | null, payload as unknown as Record<string, unknown>, { section: 'covenant', key: current?.id ?? 'new', from: baseVersion, to: proposedVersion });
  return { diff, payload, baseVersion, proposedVersion };
}

/**
 * Write the approved version: a new covenant, or the next version of an existing one (only when the
 * row is still at the version the proposal started from — otherwise someone changed it in between).
 */
export async function applyCovenant(tx: Transaction<DB>, covenantId: string, baseVersion: string | null, payload: CovenantInput, by: string | null, at: Date): Promise<boolean> {
  const support = await covenantSupport(tx);
  if (!support.available) throw new AppError('COVENANT.NOT_AVAILABLE');
  const c = payload;
  if (baseVersion === null) {
    const createdBy = support.createdBy ? sql`, created_by, created_at` : sql``;
    const createdByValues = support.createdBy ? sql`, ${by}, ${at}` : sql``;
    const r = await sql`insert into covenant (id, organisation_id, title, categories, purposes, legal_basis, valid_from, valid_until, status, version${createdBy})
      values (${covenantId}, ${c.organisationId}, ${c.title}, ${c.categories}, ${c.purposes}, ${c.legalBasis}, ${c.validFrom}, ${c.validUntil}, ${c.status}, 1${createdByValues})
      on conflict (id) do nothing`.execute(tx);
    return Number(r.numAffectedRows ?? 0) === 1;
  }
  const r = await sql`update covenant set organisation_id = ${c.organisationId}, title = ${c.title}, categories = ${c.categories}, purposes = ${c.purposes},
      legal_basis = ${c.legalBasis}, valid_from = ${c.validFrom}, valid_until = ${c.validUntil}, status = ${c.status}, version = version + 1
    where id = ${covenantId} and version = ${Number(baseVersion)}`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}
