/**
 * Calendar arithmetic for statutory periods, on Dutch calendar days (Europe/Amsterdam), as ISO date
 * strings (YYYY-MM-DD). Pure: no clock, no I/O.
 *
 * - A period in months ends on the same date in the last month, or on that month's last day when it has
 *   no such date (Regulation (EEC, Euratom) 1182/71 art. 3(2)(c), which governs the AVG's periods).
 * - A period that ends on a Saturday, Sunday or public holiday ends on the next working day instead
 *   (Regulation 1182/71 art. 3(4); Algemene termijnenwet art. 1 for the Awb's periods).
 * - Public holidays: those of the Algemene termijnenwet art. 3 — New Year's Day, Easter Monday,
 *   Ascension Day, Whit Monday, Christmas and Boxing Day, King's Day and Liberation Day (5 May).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(iso: string): Date {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d));
}

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in the Netherlands at this instant. */
export function dutchDate(at: Date): string {
  return AMSTERDAM.format(at);
}

export function addDays(iso: string, days: number): string {
  const d = utc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** `months` months after `iso`: the same date, or the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return fromUtc(target);
}

/** Whole days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Public holidays of the Algemene termijnenwet art. 3(1) in `year`. */
export function publicHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  // King's Day is 27 April, or 26 April when the 27th is a Sunday.
  const kingsDay = utc(`${year}-04-27`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return new Set([
    `${year}-01-01`,
    addDays(easter, 1),
    addDays(easter, 39),
    addDays(easter, 50),
    kingsDay,
    `${year}-05-05`,
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
}

export function isWorkingDay(iso: string): boolean {
  const day = utc(iso).getUTCDay();
  if (day === 0 || day === 6) return false;
  return !publicHolidays(parts(iso)[0]).has(iso);
}

/** The day itself when it is a working day, otherwise the next working day. */
export function onOrNextWorkingDay(iso: string): string {
  let d = iso;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
