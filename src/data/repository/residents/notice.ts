/**
 * Rights first (R5.1; policy 2.5: "zo vroeg mogelijk in het dienstverleningsproces"): the portal shows
 * the rights and duties at the first sign-in, and remembers per resident — per version of the text —
 * that it did, so a changed text is shown again.
 */
import type { GateSession } from '../../gate/session.ts';
import { currentHouseholds, portalPurpose, recordItem, resident } from './common.ts';

/** Bump when the rights-and-duties text (web/portal/Rights.tsx) changes materially: everybody sees it again. */
export const RIGHTS_TEXT_VERSION = '2026-1';

export interface RightsNoticeView {
  textVersion: string;
  shownAt: string | null;
}

export async function rightsNotice(session: GateSession): Promise<RightsNoticeView> {
  return session.run('portal.rights_notice.read', 'read', async (work) => {
    const actor = resident(work);
    if (!actor) return work.failAfterCommit('GATE.NOT_FOUND');
    const row = await work.tx.selectFrom('rights_notice').select(['shown_at']).where('resident_id', '=', actor.id).where('text_version', '=', RIGHTS_TEXT_VERSION).executeTakeFirst();
    const home = (await currentHouseholds(work, actor.id))[0] ?? '';
    const decision = work.decide({ actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] }, recordItem('portal_notice', null, home, actor.id));
    work.processed(actor.id, portalPurpose(work), { type: 'portal_notice', id: null }, ['case'], decision);
    return { textVersion: RIGHTS_TEXT_VERSION, shownAt: row ? new Date(row.shown_at).toISOString() : null };
  });
}

/** Remember that the rights were shown (idempotent: the first time counts). */
export async function markRightsShown(session: GateSession): Promise<RightsNoticeView> {
  return session.run('portal.rights_notice.shown', 'create', async (work) => {
    const actor = resident(work);
    if (!actor) return work.failAfterCommit('GATE.NOT_FOUND');
    const home = (await currentHouseholds(work, actor.id))[0] ?? '';
    const decision = work.decide({ actor, purpose: null, at: work.now, involvements: [], subActivities: new Map(), consents: [], involuntary: [] }, recordItem('portal_notice', null, home, actor.id), 'create');
    if (!decision.permit) return work.failAfterCommit('GATE.DENIED', { rule: decision.rule });
    await work.tx
      .insertInto('rights_notice')
      .values({ resident_id: actor.id, text_version: RIGHTS_TEXT_VERSION, shown_at: work.now })
      .onConflict((oc) => oc.columns(['resident_id', 'text_version']).doNothing())
      .execute();
    work.processed(actor.id, portalPurpose(work), { type: 'portal_notice', id: null }, ['case'], decision);
    const row = await work.tx.selectFrom('rights_notice').select(['shown_at']).where('resident_id', '=', actor.id).where('text_version', '=', RIGHTS_TEXT_VERSION).executeTakeFirstOrThrow();
    return { textVersion: RIGHTS_TEXT_VERSION, shownAt: new Date(row.shown_at).toISOString() };
  });
}
