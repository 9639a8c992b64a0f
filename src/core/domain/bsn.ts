/**
 * Burgerservicenummer validation: 9 digits passing the 11-proef (Wet algemene bepalingen BSN; RvIG
 * "logisch ontwerp BSN"): 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), and not 000000000.
 * 8-digit numbers are prefixed with a zero, as the BRP does.
 */
export function normaliseBsn(input: string): string | null {
  const digits = input.trim();
  if (!/^\d{8,9}$/.test(digits)) return null;
  return digits.length === 8 ? `0${digits}` : digits;
}

export function isValidBsn(input: string): boolean {
  const bsn = normaliseBsn(input);
  if (bsn === null || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

/**
 * Turn any 8-digit stem into a valid BSN by choosing the check digit, or null when no digit fits
 * (then the stem must be changed). Used by the synthetic municipality; fictitious numbers only.
 */
export function completeBsn(stem8: string): string | null {
  if (!/^\d{8}$/.test(stem8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(stem8[i]);
  const check = sum % 11;
  if (check > 9) return null;
  const bsn = `${stem8}${check}`;
  return isValidBsn(bsn) ? bsn : null;
}
