/**
 * CSV for exports (register, council report): RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark
 * so spreadsheet programs read the accents, and formula-injection protection: a cell that starts with
 * = + - @ or a tab gets a leading apostrophe, so opening the file never runs anything (OWASP CSV injection).
 * Pure.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
