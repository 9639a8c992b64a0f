/**
 * The register of processing activities (AVG art. 30; the LDV register, research/standards.md §1):
 * every activity with all its versions. A version is never changed: a change is a new version, and every
 * processing-log entry points at the version that was in force when it was written. Changes come in
 * through a new version of the rules catalogue (proposals.ts), so the register and the policy never
 * disagree. Reading and exporting the register is logged (no personal data: one entry, no subject).
 */
import type { GateSession } from '../../gate/session.ts';
import { iso, logAction, requireCapability } from './common.ts';

export interface RegisterVersionView {
  id: string;
  code: string;
  version: number;
  name: string;
  purpose: string;
  legalBasis: string;
  categories: string[];
  dataSubjects: string[];
  recipients: string[];
  retention: string;
  measures: string;
  validFrom: string;
  createdAt: string;
  /** in_force: the version log entries point at now; scheduled: takes effect later; superseded: history. */
  state: 'in_force' | 'scheduled' | 'superseded';
}

export interface RegisterActivityView {
  code: string;
  current: RegisterVersionView | null;
  versions: RegisterVersionView[];
  /** How many log entries point at each version (accountability: which text was in force). */
  logEntries: Record<string, number>;
}

export interface RegisterView {
  catalogueVersion: string;
  /** The controller (the municipality), for the export. */
  controller: string;
  activities: RegisterActivityView[];
}

type Row = {
  id: string;
  code: string;
  version: number;
  name: string;
  purpose: string;
  legal_basis: string;
  categories: string[];
  data_subjects: string[];
  recipients: string[];
  retention: string;
  measures: string;
  valid_from: Date | string;
  created_at: Date | string;
};

export function registerViewOf(rows: Row[], counts: Map<string, number>, now: Date, catalogueVersion: string, controller: string): RegisterView {
  const byCode = new Map<string, Row[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  const activities: RegisterActivityView[] = [];
  for (const [code, list] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => b.version - a.version);
    const inForce = list.find((r) => new Date(r.valid_from).getTime() <= now.getTime()) ?? null;
    const versions = list.map((r): RegisterVersionView => ({
      id: r.id,
      code: r.code,
      version: r.version,
      name: r.name,
      purpose: r.purpose,
      legalBasis: r.legal_basis,
      categories: r.categories,
      dataSubjects: r.data_subjects,
      recipients: r.recipients,
      retention: r.retention,
      measures: r.measures,
      validFrom: iso(r.valid_from)!,
      createdAt: iso(r.created_at)!,
      state: r === inForce ? 'in_force' : new Date(r.valid_from).getTime() > now.getTime() ? 'scheduled' : 'superseded',
    }));
    activities.push({
      code,
      current: versions.find((v) => v.state === 'in_force') ?? null,
      versions,
      logEntries: Object.fromEntries(list.map((r) => [String(r.version), counts.get(r.id) ?? 0])),
    });
  }
  return { catalogueVersion, controller, activities };
}

export async function readRegister(session: GateSession, purpose: 'read' | 'export' = 'read'): Promise<RegisterView> {
  return session.run(purpose === 'export' ? 'register.export' : 'register.read', 'read', async (work) => {
    const decision = requireCapability(work, 'register.read');
    const rows = await work.tx.selectFrom('processing_activity').selectAll().execute();
    const counts = await work.tx
      .selectFrom('processing_log')
      .select(['processing_activity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('processing_activity_id')
      .execute();
    // Reading and exporting are logged in the processing log; the audit trail is for changes.
    logAction(work, { type: purpose === 'export' ? 'processing_register_export' : 'processing_register', id: null }, decision);
    const org = await work.tx.selectFrom('organisation').select('name').where('kind', '=', 'municipality').orderBy('created_at').limit(1).executeTakeFirst();
    return registerViewOf(rows, new Map(counts.map((c) => [c.processing_activity_id, Number(c.n)])), work.now, work.policy.version, org?.name ?? 'Gemeente');
  });
}
