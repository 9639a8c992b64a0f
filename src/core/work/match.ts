/**
 * Involvement matches (R1.5; policy §3.1), like the Verwijsindex (research/standards.md §3): when
 * professionals of different organisations are involved with the same resident, each is told of the
 * other's involvement — who and how to reach them, never content. Pure: given the current involvements
 * with the residents they concern, the pairs to record.
 */
export interface MatchInvolvement {
  involvementId: string;
  professionalId: string;
  organisationId: string;
  householdId: string;
  /** The residents the involvement concerns (a household-wide one concerns every current member). */
  residentIds: readonly string[];
}

export interface MatchPair {
  householdId: string;
  residentId: string;
  /** professionalA < professionalB (one match per pair and resident, whichever came first). */
  a: MatchInvolvement;
  b: MatchInvolvement;
}

export function matchPairs(involvements: readonly MatchInvolvement[]): MatchPair[] {
  const byResident = new Map<string, MatchInvolvement[]>();
  for (const inv of involvements) {
    for (const r of inv.residentIds) {
      const key = `${inv.householdId}|${r}`;
      const list = byResident.get(key) ?? [];
      list.push(inv);
      byResident.set(key, list);
    }
  }
  const out: MatchPair[] = [];
  const seen = new Set<string>();
  for (const [key, list] of byResident) {
    const [householdId, residentId] = key.split('|') as [string, string];
    for (const x of list) {
      for (const y of list) {
        if (x.professionalId >= y.professionalId || x.organisationId === y.organisationId) continue;
        const id = `${residentId}|${x.professionalId}|${y.professionalId}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ householdId, residentId, a: x, b: y });
      }
    }
  }
  return out;
}
