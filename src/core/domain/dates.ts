/** Calendar dates as ISO strings (YYYY-MM-DD), validated as real days: 2025-02-30 is refused. */
import { AppError } from '../errors.ts';

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1850 || y > 2200) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** A birth date must be a real day, not in the future, and not more than 130 years ago. */
export function assertBirthDate(iso: string, today: Date): void {
  if (!isRealDate(iso)) throw new AppError('DATE.INVALID', { field: 'birthDate' });
  const d = new Date(`${iso}T00:00:00Z`);
  if (d.getTime() > today.getTime()) throw new AppError('DATE.INVALID', { field: 'birthDate' });
  if (today.getUTCFullYear() - d.getUTCFullYear() > 130) throw new AppError('DATE.INVALID', { field: 'birthDate' });
}

/** Age in whole years on `at` (for the age rules of Jeugdwet 7.3.4/7.3.15 and Wmo 5.3.3). */
export function ageOn(birthIso: string, at: Date): number {
  const b = new Date(`${birthIso}T00:00:00Z`);
  let age = at.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    at.getUTCMonth() < b.getUTCMonth() || (at.getUTCMonth() === b.getUTCMonth() && at.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
