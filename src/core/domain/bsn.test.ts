import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { completeBsn, isValidBsn, normaliseBsn } from './bsn.ts';

describe('BSN 11-proef', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['123456789', false],
    ['000000000', false],
    ['12345678', false],
    ['1234567890', false],
    ['12345678a', false],
    ['', false],
  ])('%s is %s', (bsn, valid) => {
    expect(isValidBsn(bsn)).toBe(valid);
  });

  it('an 8-digit number is read with a leading zero, as the BRP does', () => {
    expect(normaliseBsn('11122233')).toBe('011122233');
  });

  it('changing any single digit of a valid BSN makes it invalid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{7}$/), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (stem, pos, delta) => {
        const bsn = completeBsn(stem);
        fc.pre(bsn !== null);
        const digits = bsn!.split('');
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(isValidBsn(digits.join(''))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('completeBsn always yields a valid BSN when it yields one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (stem) => {
        const bsn = completeBsn(stem);
        if (bsn !== null) expect(isValidBsn(bsn)).toBe(true);
      }),
    );
  });
});
