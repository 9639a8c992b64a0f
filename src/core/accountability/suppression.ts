/**
 * Small-count suppression for the council report (R10.1: aggregate figures "without revealing
 * persons"). Every count below 5 is shown as "<5". When a group shows its total and exactly one cell
 * is suppressed, that cell could be computed from the others, so the next smallest cell is suppressed
 * too (complementary suppression). Pure.
 */
export const SMALL_COUNT_THRESHOLD = 5;
export const SUPPRESSED_LABEL = '<5';

export interface ShownCount {
  /** The count, or null when it is suppressed. */
  value: number | null;
  /** What the report prints: the number, or "<5". */
  label: string;
  suppressed: boolean;
}

export function showCount(n: number): ShownCount {
  if (n < SMALL_COUNT_THRESHOLD) return { value: null, label: SUPPRESSED_LABEL, suppressed: true };
  return { value: n, label: String(n), suppressed: false };
}

function hidden(): ShownCount {
  return { value: null, label: SUPPRESSED_LABEL, suppressed: true };
}

/**
 * Suppress a group of cells that add up to a total that is shown. Returns the cells in the same order
 * (keys kept) and the total.
 */
export function suppressGroup(cells: ReadonlyArray<{ key: string; count: number }>, opts: { totalShown?: boolean } = {}): { cells: Array<{ key: string } & ShownCount>; total: ShownCount } {
  const out = cells.map((c) => ({ key: c.key, ...showCount(c.count) }));
  const total = cells.reduce((n, c) => n + c.count, 0);
  const totalShown = showCount(total);
  if ((opts.totalShown ?? true) && !totalShown.suppressed) {
    const suppressed = out.filter((c) => c.suppressed).length;
    if (suppressed === 1) {
      // The one hidden cell = total − the others: hide the smallest visible cell as well.
      let smallest = -1;
      for (let i = 0; i < out.length; i++) {
        if (out[i]!.suppressed) continue;
        if (smallest === -1 || cells[i]!.count < cells[smallest]!.count) smallest = i;
      }
      if (smallest !== -1) out[smallest] = { key: out[smallest]!.key, ...hidden() };
    }
  }
  return { cells: out, total: totalShown };
}

/** A share (e.g. "answered in time") is only shown when both counts are shown. */
export function showShare(part: number, whole: number): { label: string; suppressed: boolean } {
  const rest = whole - part;
  // Either side small (the late ones too, unless there are none) would let a reader count persons.
  if (part < SMALL_COUNT_THRESHOLD || whole < SMALL_COUNT_THRESHOLD || (rest > 0 && rest < SMALL_COUNT_THRESHOLD)) {
    return { label: SUPPRESSED_LABEL, suppressed: true };
  }
  return { label: `${Math.round((part / whole) * 100)}%`, suppressed: false };
}
