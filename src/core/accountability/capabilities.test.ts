import { describe, expect, it } from 'vitest';
import { CATALOGUE_2026_1 } from '../policy/catalogue-fixture.ts';
import { CAPABILITIES, capabilitiesOf, fourEyesViolation, may } from './capabilities.ts';

describe('who may do what in the console', () => {
  it.each([
    [['privacy_officer'], 'log.review', true],
    [['functional_admin'], 'log.review', false],
    [['functional_admin'], 'policy.propose', true],
    [['archivist'], 'retention.sign_off', true],
    [['privacy_officer'], 'retention.sign_off', false],
    [['professional'], 'register.read', false],
    [['complaints_commissioner'], 'report.council', false],
  ] as const)('%j → %s: %s', (roles, cap, expected) => expect(may(roles, cap)).toBe(expected));

  it('a professional without a staff role has no console capability', () => expect(capabilitiesOf(['professional'])).toEqual([]));

  it('every rule a capability cites is in the catalogue', () => {
    const ids = new Set(CATALOGUE_2026_1.rules.map((r) => r.id));
    for (const c of Object.values(CAPABILITIES)) for (const r of c.rules) expect(ids.has(r), r).toBe(true);
  });
});

describe('four eyes', () => {
  it('the proposer cannot approve their own proposal', () => expect(fourEyesViolation('a', 'a', 'approve')).toBe(true));
  it('a second person can', () => expect(fourEyesViolation('a', 'b', 'approve')).toBe(false));
  it('only the proposer withdraws', () => {
    expect(fourEyesViolation('a', 'a', 'withdraw')).toBe(false);
    expect(fourEyesViolation('a', 'b', 'withdraw')).toBe(true);
  });
  it('anyone else may reject', () => expect(fourEyesViolation('a', 'b', 'reject')).toBe(false));
});
