/**
 * The counts behind the council report (R10.1), per period: from help requests, the step plans and
 * refusals of issue 5, the complaints and rights requests of issue 6 (each only when its table exists
 * here — otherwise "not yet recorded"), the processing log (refusals by the gate, attempts outside
 * involvement, bursts) and the log's integrity. Only counts leave this module; the report applies
 * small-count suppression (src/core/accountability). Asking is logged once, without a data subject.
 */
import { sql } from 'kysely';
import { denialBursts } from '../../../core/accountability/bursts.ts';
import type { CouncilCounts } from '../../../core/accountability/council-report.ts';
import { complaintDeadlines, rightsDeadlines, type RightsRequestKind } from '../../../core/residents/deadlines.ts';
import { toHex } from '../../../core/log/chain.ts';
import { AppError } from '../../../core/errors.ts';
import { isRealDate } from '../../../core/domain/dates.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import { dayAfter, dayStart, iso, logAction, requireCapability, tableColumns } from './common.ts';

export function checkReportPeriod(from: string, to: string): void {
  if (!isRealDate(from)) throw new AppError('REPORT.INVALID_PERIOD', { field: 'from' });
  if (!isRealDate(to) || to < from) throw new AppError('REPORT.INVALID_PERIOD', { field: 'to' });
}

async function rows<T>(work: GateWork, q: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await q.execute(work.tx)).rows;
}

export async function councilCounts(work: GateWork, from: string, to: string): Promise<CouncilCounts> {
  const start = dayStart(from);
  const end = dayAfter(to);
  const today = work.now.toISOString().slice(0, 10);
  const tx = work.tx;

  const domains = await tx.selectFrom('domain').select(['code', 'name_nl', 'name_en']).orderBy('sort').execute();
  const reg = await tx.selectFrom('help_request').select(['domain_code', (eb) => eb.fn.countAll<number>().as('n')]).where('registered_at', '>=', start).where('registered_at', '<', end).groupBy('domain_code').execute();
  const clo = await tx.selectFrom('help_request').select(['domain_code', (eb) => eb.fn.countAll<number>().as('n')]).where('closed_at', '>=', start).where('closed_at', '<', end).groupBy('domain_code').execute();
  const n = (list: Array<{ domain_code: string; n: number }>, d: string) => Number(list.find((x) => x.domain_code === d)?.n ?? 0);

  let stepPlans: CouncilCounts['stepPlans'] = null;
  if ((await tableColumns(tx, 'step_plan')).has('completed_at')) {
    const r = await rows<{ kind: 'request' | 'record' | 'share'; n: number }>(work, sql`select kind, count(*)::int8 as n from step_plan where status = 'completed' and completed_at >= ${start} and completed_at < ${end} group by kind`);
    stepPlans = r.map((x) => ({ kind: x.kind, count: Number(x.n) }));
  }
  let refusals: CouncilCounts['refusals'] = null;
  if ((await tableColumns(tx, 'refusal')).has('outcome')) {
    const r = await rows<{ outcome: string; n: number }>(work, sql`select outcome, count(*)::int8 as n from refusal where refused_at >= ${start} and refused_at < ${end} group by outcome`);
    refusals = r.map((x) => ({ outcome: x.outcome, count: Number(x.n) }));
  }

  const denials = await rows<{ rule: string; n: number }>(
    work,
    sql`select a.rule_ids[1] as rule, count(*)::int8 as n from processing_log l join access_record a on a.log_id = l.id
        where a.decision = 'deny' and a.actor_kind = 'professional' and l.start_time >= ${start} and l.start_time < ${end}
        group by 1 order by 2 desc`,
  );

  // Involuntary processing decided in the period (approved_at for approvals; decided_at when issue 5 records it).
  const invCols = await tableColumns(tx, 'involuntary_processing');
  const decidedAt = invCols.has('decided_at') ? sql`coalesce(decided_at, approved_at, created_at)` : sql`coalesce(approved_at, created_at)`;
  const involuntary = await rows<{ status: string; n: number }>(work, sql`select status, count(*)::int8 as n from involuntary_processing where ${decidedAt} >= ${start} and ${decidedAt} < ${end} group by status`);

  let complaints: CouncilCounts['complaints'] = null;
  if ((await tableColumns(tx, 'complaint')).has('received_on')) {
    const list = await rows<{ received_on: string; committee: boolean; postponed_on: string | null; decided_on: string | null; outcome: string | null }>(
      work,
      sql`select received_on::text as received_on, committee, postponed_on::text as postponed_on, decided_on::text as decided_on, outcome from complaint
          where (received_on between ${from} and ${to}) or (decided_on between ${from} and ${to})`,
    );
    const decided = list.filter((c) => c.decided_on !== null && c.decided_on >= from && c.decided_on <= to);
    const outcomes = new Map<string, number>();
    for (const c of decided) outcomes.set(c.outcome ?? 'unknown', (outcomes.get(c.outcome ?? 'unknown') ?? 0) + 1);
    complaints = {
      received: list.filter((c) => c.received_on >= from && c.received_on <= to).length,
      decided: decided.length,
      outcomes: [...outcomes].map(([outcome, count]) => ({ outcome, count })),
      decidedInTime: decided.filter((c) => c.decided_on! <= complaintDeadlines({ receivedOn: c.received_on, committee: c.committee, postponedOn: c.postponed_on }).decideBy).length,
    };
  }

  let rightsRequests: CouncilCounts['rightsRequests'] = null;
  if ((await tableColumns(tx, 'rights_request')).has('received_on')) {
    const list = await rows<{ kind: RightsRequestKind; received_on: string; extended_on: string | null; decided_on: string | null; status: string }>(
      work,
      sql`select kind, received_on::text as received_on, extended_on::text as extended_on, decided_on::text as decided_on, status from rights_request
          where (received_on between ${from} and ${to}) or (decided_on between ${from} and ${to}) or (status in ('received', 'in_progress'))`,
    );
    const received = list.filter((r) => r.received_on >= from && r.received_on <= to);
    const decided = list.filter((r) => r.decided_on !== null && r.decided_on >= from && r.decided_on <= to);
    const kinds = new Map<string, number>();
    for (const r of received) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    const answerBy = (r: (typeof list)[number]) => rightsDeadlines({ receivedOn: r.received_on, kind: r.kind, extendedOn: r.extended_on }).answerBy;
    rightsRequests = {
      received: received.length,
      decided: decided.length,
      kinds: [...kinds].map(([kind, count]) => ({ kind, count })),
      decidedInTime: decided.filter((r) => r.decided_on! <= answerBy(r)).length,
      openOverdue: list.filter((r) => (r.status === 'received' || r.status === 'in_progress') && answerBy(r) < today).length,
    };
  }

  const outside = await rows<{ n: number; p: number }>(
    work,
    sql`select count(*)::int8 as n, count(distinct a.actor_id)::int8 as p from processing_log l join access_record a on a.log_id = l.id
        where a.decision = 'deny' and a.rule_ids[1] = 'involvement-required' and l.start_time >= ${start} and l.start_time < ${end}`,
  );
  const denialRows = await rows<{ actor_id: string; start_time: Date; rule: string }>(
    work,
    sql`select a.actor_id, l.start_time, a.rule_ids[1] as rule from processing_log l join access_record a on a.log_id = l.id
        where a.decision = 'deny' and a.actor_kind = 'professional' and a.actor_id is not null and l.start_time >= ${start} and l.start_time < ${end}
        order by l.start_time limit 50000`,
  );
  const bursts = denialBursts(denialRows.map((r) => ({ actorId: r.actor_id, at: new Date(r.start_time), rule: r.rule })));

  const heads = await tx.selectFrom('log_chain').select('seq').execute();
  const v = await tx.selectFrom('log_verification').select(['finished_at', 'ok', 'entries']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const cp = await tx.selectFrom('log_checkpoint').select(['id', 'created_at', 'entries', 'merkle_root']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const org = await tx.selectFrom('organisation').select('name').where('kind', '=', 'municipality').orderBy('created_at').limit(1).executeTakeFirst();

  return {
    from,
    to,
    generatedAt: work.now.toISOString(),
    catalogueVersion: work.policy.version,
    municipality: org?.name ?? '',
    helpRequests: domains.map((d) => ({ domain: d.code, nl: d.name_nl, en: d.name_en, registered: n(reg, d.code), closed: n(clo, d.code) })),
    stepPlans,
    refusals,
    denials: denials.map((d) => ({ rule: d.rule ?? 'unknown', count: Number(d.n) })),
    involuntary: involuntary.map((x) => ({ status: x.status, count: Number(x.n) })),
    complaints,
    rightsRequests,
    findings: { outsideInvolvement: Number(outside[0]?.n ?? 0), professionals: Number(outside[0]?.p ?? 0), bursts: bursts.length },
    integrity: {
      entries: heads.reduce((s, h) => s + Number(h.seq), 0),
      lastVerification: v ? { at: iso(v.finished_at)!, ok: v.ok, entries: Number(v.entries) } : null,
      lastCheckpoint: cp ? { id: Number(cp.id), at: iso(cp.created_at)!, entries: Number(cp.entries), root: toHex(cp.merkle_root) } : null,
    },
  };
}

/** For a person in the console. */
export async function councilReportCounts(session: GateSession, period: { from: string; to: string }): Promise<CouncilCounts> {
  checkReportPeriod(period.from, period.to);
  return session.run('council_report.read', 'read', async (work) => {
    const decision = requireCapability(work, 'report.council');
    const counts = await councilCounts(work, period.from, period.to);
    logAction(work, { type: 'council_report', id: null }, decision);
    return counts;
  });
}
