/**
 * Bursts of denials: one actor refused many times in a short window is what a privacy officer looks
 * at first (browsing for files outside one's involvement, a script, a stolen session). A burst is a
 * run of at least `minCount` denials of one actor where each denial falls within `windowMinutes` of
 * the first of the window; overlapping windows merge. Pure.
 */
export interface Denial {
  actorId: string;
  at: Date;
  rule: string;
}

export interface Burst {
  actorId: string;
  from: Date;
  to: Date;
  count: number;
  /** Deciding rules, most frequent first. */
  rules: Array<{ rule: string; count: number }>;
}

export const DEFAULT_BURST = { minCount: 5, windowMinutes: 10 } as const;

export function denialBursts(denials: readonly Denial[], opts: { minCount?: number; windowMinutes?: number } = {}): Burst[] {
  const minCount = opts.minCount ?? DEFAULT_BURST.minCount;
  const window = (opts.windowMinutes ?? DEFAULT_BURST.windowMinutes) * 60_000;
  const byActor = new Map<string, Denial[]>();
  for (const d of denials) byActor.set(d.actorId, [...(byActor.get(d.actorId) ?? []), d]);
  const out: Burst[] = [];
  for (const [actorId, list] of byActor) {
    const sorted = [...list].sort((a, b) => a.at.getTime() - b.at.getTime());
    // Mark every denial that belongs to some window of ≥ minCount, then group consecutive marked ones.
    const inBurst = new Array<boolean>(sorted.length).fill(false);
    let j = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (j < i) j = i;
      while (j + 1 < sorted.length && sorted[j + 1]!.at.getTime() - sorted[i]!.at.getTime() <= window) j++;
      if (j - i + 1 >= minCount) for (let k = i; k <= j; k++) inBurst[k] = true;
    }
    let start = -1;
    for (let i = 0; i <= sorted.length; i++) {
      const marked = i < sorted.length && inBurst[i]!;
      // A marked denial more than a window after the previous one starts a new burst.
      const gap = marked && start !== -1 && sorted[i]!.at.getTime() - sorted[i - 1]!.at.getTime() > window;
      if ((!marked || gap) && start !== -1) {
        out.push(burstOf(actorId, sorted.slice(start, i)));
        start = -1;
      }
      if (marked && start === -1) start = i;
    }
  }
  return out.sort((a, b) => b.count - a.count || a.from.getTime() - b.from.getTime());
}

function burstOf(actorId: string, run: Denial[]): Burst {
  const counts = new Map<string, number>();
  for (const d of run) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return {
    actorId,
    from: run[0]!.at,
    to: run[run.length - 1]!.at,
    count: run.length,
    rules: [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
  };
}
