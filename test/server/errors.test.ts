/**
 * How a thrown database or framework error becomes an answer (src/server/http/errors.ts): a stable code,
 * never the message. Transient contention (a deadlock, a serialisation failure, a lock or statement
 * timeout) is "try again" (503), not a server fault (500) — found at Enschede scale (bench scale).
 */
import { describe, expect, it } from 'vitest';
import { toAppError } from '../../src/server/http/errors.ts';

const pgError = (code: string) => Object.assign(new Error(`secret detail for BSN 999900018 (${code})`), { code });

describe('toAppError', () => {
  it.each([
    ['40P01', 'SERVICE.UNAVAILABLE', 'deadlock detected'],
    ['40001', 'SERVICE.UNAVAILABLE', 'serialisation failure'],
    ['55P03', 'SERVICE.UNAVAILABLE', 'lock not available'],
    ['57014', 'SERVICE.UNAVAILABLE', 'statement timeout'],
    ['57P01', 'SERVICE.UNAVAILABLE', 'the server shut the connection'],
    ['53300', 'SERVICE.UNAVAILABLE', 'too many connections'],
    ['25006', 'DATABASE.READ_ONLY', 'read-only transaction'],
    ['53100', 'DATABASE.FULL', 'disk full'],
    ['22P02', 'REQUEST.INVALID', 'a value the database cannot take'],
    ['42P01', 'INTERNAL', 'our own fault (an unknown table)'],
  ])('SQLSTATE %s → %s (%s), without the message', (code, expected) => {
    const e = toAppError(pgError(code));
    expect(e.code).toBe(expected);
    expect(JSON.stringify({ ...e, message: e.message })).not.toContain('999900018');
  });
});
