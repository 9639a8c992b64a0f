/**
 * Free text a resident or handler types (a complaint, a request, a decision): trimmed, not empty, not
 * longer than the form allows, and without control characters (new lines and tabs are fine). Errors
 * carry the field and the limit, never the text itself.
 */
import { AppError } from '../errors.ts';

/** Limits in characters. A complaint or request is a letter, not a file: 10,000 characters is about four pages. */
export const TEXT_LIMITS = { complaint: 10_000, request: 10_000, decision: 20_000, reason: 2_000 } as const;

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls; lone surrogates.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function cleanText(value: string, field: string, max: number): string {
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text.length === 0) throw new AppError('TEXT.EMPTY', { field });
  if (text.length > max) throw new AppError('TEXT.TOO_LONG', { field, max });
  if (CONTROL.test(text)) throw new AppError('TEXT.INVALID', { field });
  return text;
}

/** Optional text: absent or blank is null; otherwise as cleanText. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  return cleanText(value, field, max);
}
