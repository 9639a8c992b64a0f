/**
 * Date arithmetic for the generator, in UTC and on ISO strings, from a fixed reference date (asOf):
 * the generator never reads the clock, so a seed gives the same municipality on any day.
 */
import type { Rng } from './prng.ts';

const DAY = 86_400_000;

export function dayMs(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoTs(ms: number): string {
  return new Date(ms).toISOString();
}

export function addDays(iso: string, days: number): string {
  return isoDate(dayMs(iso) + days * DAY);
}

/** A timestamp on the given day within office hours (07:30–16:30 UTC), minute precision. */
export function officeTime(dayIso: string, rng: Rng): string {
  return isoTs(dayMs(dayIso.slice(0, 10)) + (450 + rng.int(0, 540)) * 60_000);
}

/** A timestamp between two instants (inclusive), during office hours (07:30–16:30 UTC) when the range allows. */
export function between(fromIso: string, toIso: string, rng: Rng): string {
  const a = dayMs(fromIso);
  const b = Math.max(a, dayMs(toIso));
  const day = Math.floor(a / DAY) + rng.int(0, Math.floor(b / DAY) - Math.floor(a / DAY));
  const t = day * DAY + (450 + rng.int(0, 540)) * 60_000;
  return isoTs(Math.min(b, Math.max(a, t)));
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.floor((dayMs(toIso) - dayMs(fromIso)) / DAY);
}

/** Birth date of someone `age` years old on asOf (any day of that year of life). */
export function birthDateFor(age: number, asOf: string, rng: Rng): string {
  const [y, m, d] = asOf.slice(0, 10).split('-').map(Number);
  // The last possible birth date is asOf itself, `age` years back (Date.UTC rolls 29 Feb over).
  const latest = Date.UTC(y! - age, m! - 1, d!);
  return isoDate(latest - rng.int(0, 363) * DAY);
}

export function ageOn(birthIso: string, atIso: string): number {
  const b = birthIso.slice(0, 10);
  const a = atIso.slice(0, 10);
  let age = Number(a.slice(0, 4)) - Number(b.slice(0, 4));
  if (a.slice(5) < b.slice(5)) age -= 1;
  return age;
}

/** The day someone turns 18 (Jeugdwet; the end of parental authority, BW 1:233). */
export function eighteenthBirthday(birthIso: string): string {
  const y = Number(birthIso.slice(0, 4)) + 18;
  const md = birthIso.slice(5, 10) === '02-29' ? '03-01' : birthIso.slice(5, 10);
  return `${y}-${md}`;
}

export function minIso(a: string, b: string): string {
  return dayMs(a) <= dayMs(b) ? a : b;
}

export function maxIso(a: string, b: string): string {
  return dayMs(a) >= dayMs(b) ? a : b;
}

/** The same instant `days` later, as a full ISO timestamp. */
export function addDaysTs(ts: string, days: number): string {
  return isoTs(dayMs(ts) + days * DAY);
}

/** `candidate` when it lies after `from`, else one hour after `from`: periods are never empty. */
export function after(from: string, candidate: string): string {
  return dayMs(candidate) > dayMs(from) ? candidate : isoTs(dayMs(from) + 3_600_000);
}
