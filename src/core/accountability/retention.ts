/**
 * Retention dates (R10.3; Archiefwet 1995 art. 5, Selectielijst gemeenten en intergemeentelijke organen
 * 2020, and the sector laws). A retention class says how long and from when (catalogue
 * `retentionClasses`). Where the sector law and the Selectielijst count from different moments — the
 * Wmo and the Jeugdwet from the last change, the Selectielijst from the end of the case — the LATER end
 * date wins (`ret-selectielijst-source`). An open case is never due: its period has not started.
 * Pure: dates are ISO days (YYYY-MM-DD) in UTC.
 */
import type { RetentionClass } from '../policy/catalogue.ts';

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** The day `duration` (ISO 8601, date part: P15Y, P6M, P42D) after `day`. 29 February + 1 year is 1 March: never earlier. */
export function addDuration(day: string, duration: string): string {
  const m = DURATION.exec(duration);
  if (!m || duration === 'P') throw new Error(`not an ISO 8601 date duration: ${duration}`);
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const years = Number(m[1] ?? 0);
  const months = Number(m[2] ?? 0);
  const days = Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
  // Date.UTC rolls an impossible day forward (2028-02-30 → 2028-03-01), which keeps data a day longer, never shorter.
  const t = Date.UTC(y + years, mo - 1 + months, d) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function laterDay(a: string, b: string): string {
  return a >= b ? a : b;
}

export function toDay(d: Date | string): string {
  return typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}

/** The moments a record's periods count from. */
export interface RetentionAnchors {
  created: string;
  /** The last change of the file (the newest write). */
  lastChange: string;
  /** When the case ended (closed, withdrawn, benefit ended); null while it is open. */
  caseEnd: string | null;
}

export interface DueDate {
  /** The first day the record may be destroyed; null while the case is open. */
  due: string | null;
  /** The class that set the date (the latest one). */
  decidingClass: string | null;
  /** Each class's date, for the report. */
  perClass: Array<{ code: string; due: string | null; sectorLaw: string | null; selectielijst: string | null }>;
  rules: string[];
}

/** One class: the sector-law date (from its own anchor) and the Selectielijst date (from the case end); the later wins. */
export function classDueDate(cls: Pick<RetentionClass, 'code' | 'period' | 'from'>, a: RetentionAnchors): { due: string | null; sectorLaw: string | null; selectielijst: string | null } {
  if (cls.from === 'creation') {
    const d = addDuration(a.created, cls.period);
    return { due: d, sectorLaw: d, selectielijst: null };
  }
  if (a.caseEnd === null) return { due: null, sectorLaw: null, selectielijst: null };
  const anchor = cls.from === 'last_change' ? laterDay(a.lastChange, a.created) : laterDay(a.caseEnd, a.lastChange);
  const sectorLaw = addDuration(anchor, cls.period);
  const selectielijst = addDuration(a.caseEnd, cls.period);
  return { due: laterDay(sectorLaw, selectielijst), sectorLaw, selectielijst };
}

/**
 * A record that falls under several classes (a Wmo file with a youth-care item) is due when every class
 * is: the latest date wins. Unknown classes keep the record (fail closed: never destroy by mistake).
 */
export function recordDueDate(classes: readonly string[], catalogue: readonly RetentionClass[], a: RetentionAnchors): DueDate {
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const perClass: DueDate['perClass'] = [];
  const rules = new Set<string>(['ret-selectielijst-source']);
  let due: string | null = null;
  let deciding: string | null = null;
  let open = false;
  for (const code of [...new Set(classes)].sort()) {
    const cls = byCode.get(code);
    if (!cls) {
      perClass.push({ code, due: null, sectorLaw: null, selectielijst: null });
      open = true;
      continue;
    }
    rules.add(cls.rule);
    const d = classDueDate(cls, a);
    perClass.push({ code, ...d });
    if (d.due === null) open = true;
    else if (due === null || d.due > due) {
      due = d.due;
      deciding = code;
    }
  }
  if (open || classes.length === 0) return { due: null, decidingClass: null, perClass, rules: [...rules] };
  return { due, decidingClass: deciding, perClass, rules: [...rules] };
}

export function isDue(d: DueDate, today: string): boolean {
  return d.due !== null && d.due <= today;
}

/** The retention class of a help request under the law of its task (the file as a whole). */
export const RETENTION_CLASS_BY_LAW: Readonly<Record<string, string>> = { wmo2015: 'wmo', jeugdwet: 'jeugd', pw: 'pw', wgs: 'wgs' };
