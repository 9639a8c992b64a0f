/**
 * The one pre-computation the Cedar and casbin encodings share: consent and involuntary-record
 * look-ups. Neither engine can search a list of records for one that matches several fields (Cedar
 * has no quantifier over sets; casbin's matcher has no lambdas), so the harness does the search and
 * hands the engine the result as plain sets of strings. Exactly this is pre-computed, per request:
 *
 * - explicit / noObjection / ordinary: for the consents of that kind (an explicit consent given in
 *   writing counts as a written no-objection too, Pw 65 lid 2 sub b) that are
 *     for the purpose's help request,
 *     by the item's data subject (any resident when the item has none),
 *     in force at the decision time (given at or before it, not withdrawn at or before it),
 *     covering the item's category, and
 *     naming no target law or the purpose's law as target,
 *   the set of their source laws, with '*' for a consent that names no source law.
 * - involuntary: for the involuntary-processing records that are for the purpose's help request,
 *   about the item's data subject (any when none), not expired at the decision time and covering
 *   the item's category, the set of their statuses.
 *
 * What these sets are used for stays in each engine's policy: which flow needs which kind of consent,
 * that a consent without source law
 * covers every source law, which sources need explicit consent, that only an *approved* record may
 * stand in for consent and only on flows that allow it, and that a partner needs (explicit or
 * ordinary) consent for data from a secrecy holder.
 */
import type { GateContext, GateItem } from '../../src/core/policy/decide.ts';

export interface Lookups {
  explicit: string[];
  noObjection: string[];
  ordinary: string[];
  involuntary: string[];
}

const EMPTY: Lookups = { explicit: [], noObjection: [], ordinary: [], involuntary: [] };

/**
 * `targetLaw` is the law of the purpose's task in the catalogue (the caller looks it up); a consent that
 * names a recipient organisation matches only when the acting professional belongs to it.
 */
export function lookupsFor(ctx: GateContext, item: GateItem, targetLaw: string | undefined): Lookups {
  const purpose = ctx.purpose;
  if (purpose === null) return EMPTY;
  const acting = ctx.actor?.kind === 'professional' ? ctx.actor.organisationId : null;
  const at = ctx.at.getTime();
  const out: Lookups = { explicit: [], noObjection: [], ordinary: [], involuntary: [] };
  for (const c of ctx.consents) {
    if (c.helpRequestId !== purpose.id) continue;
    if (item.residentId !== null && c.residentId !== item.residentId) continue;
    if (c.givenAt.getTime() > at || (c.withdrawnAt !== null && c.withdrawnAt.getTime() <= at)) continue;
    if (!c.categories.includes(item.category)) continue;
    if (c.targetLaw !== null && c.targetLaw !== targetLaw) continue;
    if (c.recipientOrganisationId !== null && c.recipientOrganisationId !== acting) continue;
    const list = c.kind === 'explicit' ? out.explicit : c.kind === 'written_no_objection' ? out.noObjection : out.ordinary;
    const token = c.sourceLaw ?? '*';
    if (!list.includes(token)) list.push(token);
    // Pw 65 lid 2 sub b: an explicit consent given in writing is also a written no-objection.
    if (c.kind === 'explicit' && c.inWriting === true && !out.noObjection.includes(token)) out.noObjection.push(token);
  }
  for (const v of ctx.involuntary) {
    if (v.helpRequestId !== purpose.id) continue;
    if (item.residentId !== null && v.residentId !== item.residentId) continue;
    if (v.validUntil !== null && v.validUntil.getTime() <= at) continue;
    if (!v.categories.includes(item.category)) continue;
    if (!out.involuntary.includes(v.status)) out.involuntary.push(v.status);
  }
  return out;
}
