/** From claims to roles, MFA and BSN: the pure part of sign-in. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { assertMultiFactor, claimedRoles, effectiveRoles, residentBsn, staffSubject } from '../../src/server/auth/claims.ts';

const settings = { subjectClaim: 'sub', rolesClaim: 'roles' };

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
}

describe('staff claims', () => {
  it('an effective role must be both granted by the IdP and registered in the database', () => {
    expect(effectiveRoles(['professional', 'privacy_officer'], ['professional'])).toEqual(['professional']);
    expect(effectiveRoles(['professional'], ['professional', 'privacy_officer'])).toEqual(['professional']);
  });

  it('the IdP alone cannot make someone a privacy officer', () => {
    expect(effectiveRoles(['privacy_officer'], ['professional'])).toEqual([]);
  });

  it('with the roles claim set to none the database decides alone', () => {
    expect(claimedRoles({ roles: ['privacy_officer'] }, { ...settings, rolesClaim: 'none' })).toBeNull();
    expect(effectiveRoles(null, ['professional'])).toEqual(['professional']);
  });

  it('unknown role names in the claim are ignored and a space-separated claim is read', () => {
    expect(claimedRoles({ roles: ['professional', 'superuser'] }, settings)).toEqual(['professional']);
    expect(claimedRoles({ roles: 'professional chain_partner' }, settings)).toEqual(['professional', 'chain_partner']);
  });

  it('a nested roles claim is read with a dotted name', () => {
    expect(claimedRoles({ realm_access: { roles: ['chain_partner'] } }, { ...settings, rolesClaim: 'realm_access.roles' })).toEqual(['chain_partner']);
  });

  it('the subject comes from the configured claim', () => {
    expect(staffSubject({ sub: 'x', employee_id: 'E123' }, { ...settings, subjectClaim: 'employee_id' })).toBe('E123');
    expect(codeOf(() => staffSubject({}, settings))).toBe('AUTH.SIGNIN_FAILED');
  });

  it('a required amr is satisfied by any one of the listed methods', () => {
    expect(codeOf(() => assertMultiFactor({ amr: ['pwd', 'otp'] }, { ...settings, requiredAmr: 'mfa, otp' }))).toBeNull();
  });

  it('a sign-in without the required amr is refused with AUTH.MFA_REQUIRED (BIO2 5.17.01)', () => {
    expect(codeOf(() => assertMultiFactor({ amr: ['pwd'] }, { ...settings, requiredAmr: 'mfa' }))).toBe('AUTH.MFA_REQUIRED');
    expect(codeOf(() => assertMultiFactor({}, { ...settings, requiredAmr: 'mfa' }))).toBe('AUTH.MFA_REQUIRED');
  });

  it('a sign-in without the required acr is refused with AUTH.MFA_REQUIRED', () => {
    expect(codeOf(() => assertMultiFactor({ acr: 'low' }, { ...settings, requiredAcr: 'urn:high' }))).toBe('AUTH.MFA_REQUIRED');
    expect(codeOf(() => assertMultiFactor({ acr: 'urn:high' }, { ...settings, requiredAcr: 'urn:substantial,urn:high' }))).toBeNull();
  });
});

describe('resident claims', () => {
  it('reads a bare BSN and one with a sector prefix', () => {
    expect(residentBsn({ bsn: '999900018' }, 'bsn')).toBe('999900018');
    expect(residentBsn({ bsn: 's00000000:999900018' }, 'bsn')).toBe('999900018');
    expect(residentBsn({ 'urn:nl:bsn': '999900018' }, 'urn:nl:bsn')).toBe('999900018');
  });

  it('a BSN that fails the 11-proef is refused', () => {
    expect(codeOf(() => residentBsn({ bsn: '999900019' }, 'bsn'))).toBe('AUTH.SIGNIN_FAILED');
  });

  it('a missing BSN claim is refused', () => {
    expect(codeOf(() => residentBsn({ sub: 'x' }, 'bsn'))).toBe('AUTH.SIGNIN_FAILED');
  });
});
