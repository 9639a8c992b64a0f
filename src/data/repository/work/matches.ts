/**
 * Involvement matches (R1.5; policy §3.1), like the Verwijsindex: professionals of different
 * organisations involved with the same resident are told of each other — who, which organisation,
 * how to reach them — never what the other does. Matches are recorded when an involvement starts in
 * the app (intake, plan, sub-activity), and by the matching job (matching-job.ts) for involvements
 * that came another way — seeded, imported, or starting on a later date — at start-up, every minute
 * while the server runs, and at the end of seeding. Each notice is shown through the gate: only while
 * the recipient may see DAT-information (category 'involvement') of that resident. A consulted expert
 * is never matched: they work on pseudonymised facts (R4.3).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../core/errors.ts';
import { matchPairs, type MatchInvolvement } from '../../../core/work/match.ts';
import { coveredPurposes, loadHouseholdFacts } from '../../gate/facts.ts';
import { decideUnder, logPurpose } from '../../gate/purposes.ts';
import type { GateSession, GateWork } from '../../gate/session.ts';
import type { DB } from '../../schema.ts';
import { projectResident, currentMembers } from '../households.ts';
import { iso, notFound, professional } from './common.ts';
import type { InvolvementNoticeView } from './views.ts';

/** A match recorded now: its id and the resident it concerns. */
export interface RecordedMatch {
  id: string;
  residentId: string;
}

/** Record the matches of a household's current involvements (idempotent). Returns the new matches (two notices each). */
export async function recordMatches(work: GateWork, householdId: string): Promise<RecordedMatch[]> {
  const now = work.now;
  const invs = await work.tx
    .selectFrom('involvement')
    .innerJoin('professional', 'professional.id', 'involvement.professional_id')
    .leftJoin('help_request', 'help_request.id', 'involvement.help_request_id')
    .leftJoin('sub_activity', 'sub_activity.id', 'involvement.sub_activity_id')
    .select([
      'involvement.id',
      'involvement.professional_id',
      'involvement.role',
      'professional.organisation_id',
      'help_request.resident_id as hr_resident',
      'sub_activity.resident_id as sub_resident',
    ])
    .where('involvement.household_id', '=', householdId)
    .where('involvement.role', '<>', 'expert')
    .where('involvement.valid_from', '<=', now)
    .where((eb) => eb.or([eb('involvement.valid_until', 'is', null), eb('involvement.valid_until', '>', now)]))
    .execute();
  if (invs.length < 2) return [];
  const members = (await currentMembers(work, [householdId])).map((m) => m.id);
  const list: MatchInvolvement[] = invs.map((i) => ({
    involvementId: i.id,
    professionalId: i.professional_id,
    organisationId: i.organisation_id,
    householdId,
    residentIds: i.sub_resident ? [i.sub_resident] : i.hr_resident ? [i.hr_resident] : members,
  }));
  const created: RecordedMatch[] = [];
  for (const p of matchPairs(list)) {
    const id = randomUUID();
    const inserted = await work.tx
      .insertInto('involvement_match')
      .values({ id, household_id: householdId, resident_id: p.residentId, professional_a: p.a.professionalId, professional_b: p.b.professionalId, involvement_a: p.a.involvementId, involvement_b: p.b.involvementId, matched_at: now })
      .onConflict((oc) => oc.columns(['resident_id', 'professional_a', 'professional_b']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    await work.tx
      .insertInto('involvement_notice')
      .values([
        { id: randomUUID(), match_id: id, recipient_id: p.a.professionalId, other_professional_id: p.b.professionalId, created_at: now },
        { id: randomUUID(), match_id: id, recipient_id: p.b.professionalId, other_professional_id: p.a.professionalId, created_at: now },
      ])
      .execute();
    created.push({ id, residentId: p.residentId });
  }
  return created;
}

/**
 * Households where a match is missing: two current involvements of different organisations concern the
 * same resident (the residents an involvement concerns are those of its sub-activity, else of its help
 * request, else every current member — as recordMatches) and that pair has no match yet. One statement
 * over the municipality's current involvements (~18,000 at city scale); in the common case it finds
 * nothing. It used to run per professional on every visit to the notices, over all of their
 * households: 10-23 ms for the busiest (issue 8), on a page that is read far more often than an
 * involvement starts.
 */
export async function unmatchedHouseholds(db: Kysely<DB>, now: Date): Promise<string[]> {
  const day = now.toISOString().slice(0, 10);
  const r = await sql<{ household_id: string }>`
    with inv as materialized (
      select i.household_id, i.professional_id, p.organisation_id, coalesce(sa.resident_id, hr.resident_id) as resident_id
      from involvement i
      join professional p on p.id = i.professional_id
      left join help_request hr on hr.id = i.help_request_id
      left join sub_activity sa on sa.id = i.sub_activity_id
      where i.role <> 'expert' and i.valid_from <= ${now} and (i.valid_until is null or i.valid_until > ${now})
    ), shared as (
      -- Only households with involvements of two organisations can hold a pair.
      select household_id from inv group by household_id having count(distinct organisation_id) > 1
    ), concerns as materialized (
      select inv.household_id, inv.professional_id, inv.organisation_id, inv.resident_id
      from inv join shared using (household_id) where inv.resident_id is not null
      union all
      select inv.household_id, inv.professional_id, inv.organisation_id, m.resident_id
      from inv join shared using (household_id)
      join household_member m on m.household_id = inv.household_id
        and m.valid_from <= ${day} and (m.valid_until is null or m.valid_until > ${day})
      where inv.resident_id is null
    )
    select distinct a.household_id
    from concerns a
    join concerns b on b.household_id = a.household_id and b.resident_id = a.resident_id
      and a.professional_id < b.professional_id and b.organisation_id <> a.organisation_id
    where not exists (
      select 1 from involvement_match x
      where x.resident_id = a.resident_id and x.professional_a = a.professional_id and x.professional_b = b.professional_id
    )`.execute(db);
  return r.rows.map((x) => x.household_id);
}

/** My notices: who else is involved with the residents I work with, and how to reach them. */
/** A page of notices, newest first: `before` is the `next` of the page before (created_at and id). */
export interface NoticePageQuery {
  before?: string;
  limit?: number;
}

/** A notice as the page's statement reads it. */
interface NoticeRow {
  id: string;
  created_at: Date;
  seen_at: Date | null;
  household_id: string;
  resident_id: string;
  /** The other professional's involvement (current: a notice of an ended one is not read). */
  other_involvement: string;
  other_id: string;
  other_name: string;
  other_function: string;
  other_email: string | null;
  other_phone: string | null;
  org_name: string;
  org_email: string | null;
  org_phone: string | null;
}

export const NOTICE_PAGE = 25;
export const NOTICE_PAGE_MAX = 100;
/** `next`/`before`: the created_at (ISO) and id of the last notice of a page. */
export const NOTICE_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * My involvement notices, a page at a time (newest first). Each notice shown is a read of DAT-information
 * about a resident and is logged; at city scale a professional has hundreds of notices, and listing
 * (and logging) 200 of them on every visit cost ~30 ms and 200 log entries per request (issue 8).
 */
export async function myNotices(session: GateSession, page: NoticePageQuery = {}): Promise<{ notices: InvolvementNoticeView[]; next: string | null }> {
  const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? NOTICE_PAGE)), NOTICE_PAGE_MAX);
  const cursor = page.before === undefined ? null : NOTICE_CURSOR.exec(page.before);
  if (page.before !== undefined && !cursor) throw new AppError('REQUEST.INVALID', { fields: ['/before'], context: 'querystring' });
  return session.run('involvement_notice.list', 'list', async (work) => {
    const actor = professional(work);
    // A read only reads: matches are recorded when involvements start, and by the matching job.
    // One statement, an ordered walk of the reader's notices (index involvement_notice_page, migration
    // 0010) that stops after the page (issue 8: joining all of the reader's notices to the whole match
    // table and sorting them took 6–8 ms for the busiest reader at city scale, this 1.7 ms). Each notice's
    // match is looked up by its key, and kept only when its household has a current involvement of the
    // reader other than as a consulted expert (the `offset 0` keeps that lookup per notice: without it
    // PostgreSQL joins the whole match table first). A notice is read only while the other's involvement
    // is current (a match tells of a current involvement only), so a page is full when more follow.
    const before = cursor ? sql`and (n.created_at, n.id) < (${new Date(cursor[1]!)}, ${cursor[2]!}::uuid)` : sql``;
    const found = (
      await sql<NoticeRow>`
        select n.id, n.created_at, n.seen_at, m.household_id, m.resident_id, oi.id as other_involvement,
               o.id as other_id, o.display_name as other_name, o.function_title as other_function, o.email as other_email, o.phone as other_phone,
               org.name as org_name, org.contact_email as org_email, org.contact_phone as org_phone
        from involvement_notice n
        cross join lateral (
          select m.household_id, m.resident_id, m.involvement_a, m.involvement_b, m.professional_a
          from involvement_match m
          where m.id = n.match_id
            and exists (select 1 from involvement mine
                        where mine.household_id = m.household_id and mine.professional_id = ${actor.id} and mine.role <> 'expert'
                          and mine.valid_from <= ${work.now} and (mine.valid_until is null or mine.valid_until > ${work.now}))
          offset 0
        ) m
        join professional o on o.id = n.other_professional_id
        join organisation org on org.id = o.organisation_id
        join involvement oi on oi.id = case when m.professional_a = o.id then m.involvement_a else m.involvement_b end
          and oi.valid_from <= ${work.now} and (oi.valid_until is null or oi.valid_until > ${work.now})
        where n.recipient_id = ${actor.id} ${before}
        order by n.created_at desc, n.id desc
        limit ${limit + 1}`.execute(work.tx)
    ).rows;
    const rows = found.slice(0, limit);
    const lastRow = rows[rows.length - 1];
    const next = found.length > limit && lastRow ? `${new Date(lastRow.created_at).toISOString()}_${lastRow.id}` : null;
    // Facts and members of the households the notices concern, not of the whole caseload (hundreds of
    // households at city scale: issue 8 measured seconds per request when all were read).
    const shown = [...new Set(rows.map((r) => r.household_id))];
    const factsBy = await loadHouseholdFacts(work.tx, work.policy, actor, shown, work.now, { members: true });
    const out: InvolvementNoticeView[] = [];
    for (const r of rows) {
      const facts = factsBy.get(r.household_id)!;
      const purposes = coveredPurposes(facts, actor, work.now, null);
      const item = { type: 'involvement' as const, id: r.other_involvement, householdId: r.household_id, residentId: r.resident_id, category: 'involvement', collectedForLaw: null, source: null, confidentiality: work.policy.categories.get('involvement')!.defaultConfidentiality, secrecyOrigin: null, subActivityId: null, recordedByOrganisationId: null };
      const { decision, purpose } = decideUnder(work, facts, purposes, item, 'read');
      if (!decision.permit) continue;
      work.processed(r.resident_id, logPurpose(work.policy, actor, purpose), { type: 'involvement', id: r.other_involvement }, ['involvement'], decision);
      const m = facts.memberRows!.find((x) => x.id === r.resident_id);
      const resident = m ? projectResident(work, facts, purposes, m, m.relation, ['identity']) : null;
      out.push({
        id: r.id,
        householdId: r.household_id,
        residentId: r.resident_id,
        residentName: resident?.identity?.displayName ?? null,
        since: iso(r.created_at)!,
        seen: r.seen_at !== null,
        other: {
          id: r.other_id,
          name: r.other_name,
          functionTitle: r.other_function,
          organisation: r.org_name,
          email: r.other_email ?? r.org_email,
          phone: r.other_phone ?? r.org_phone,
        },
      });
    }
    return { notices: out, next };
  });
}

export async function markNoticeSeen(session: GateSession, noticeId: string): Promise<void> {
  return session.run('involvement_notice.update', 'update', async (work) => {
    const actor = professional(work);
    const r = await work.tx
      .updateTable('involvement_notice')
      .set({ seen_at: sql`coalesce(seen_at, ${work.now})` as never })
      .where('id', '=', noticeId)
      .where('recipient_id', '=', actor.id)
      .returning('id')
      .executeTakeFirst();
    if (!r) notFound(work, { type: 'involvement_notice', id: noticeId }, 'involvement');
  });
}
