/** Triage, ZRM need, matches, early signals and involuntary processing: the pure rules as tables. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { CATALOGUE_2026_1 } from '../policy/catalogue-fixture.ts';
import { compilePolicy } from '../policy/compile.ts';
import type { Actor } from '../policy/actor.ts';
import { assertTriage, statusAfterTriage } from './triage.ts';
import { assertGoalNeeded, domainsFor } from './zrm-need.ts';
import { matchPairs } from './match.ts';
import { applyThreshold, decideSignal } from './signals.ts';
import { assertDecidable, identifiersIn, missingForDecision, noticeLetter, type InvoluntaryState } from './involuntary.ts';

const policy = compilePolicy(CATALOGUE_2026_1);
const code = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : 'THROWN';
  }
};

describe('triage', () => {
  it('a registered help request becomes triaged; a running one keeps its status; a closed one refuses', () => {
    expect(statusAfterTriage('registered')).toBe('triaged');
    expect(statusAfterTriage('in_progress')).toBe('in_progress');
    expect(code(() => statusAfterTriage('closed'))).toBe('HELP_REQUEST.CLOSED');
  });
  it('the reasoning is required', () => {
    expect(code(() => assertTriage({ complexity: 'multi', reasoning: 'ja' }))).toBe('TRIAGE.REASONING_REQUIRED');
    expect(code(() => assertTriage({ complexity: 'single', reasoning: 'Alleen een vraag over een traplift.' }))).toBe(null);
  });
});

describe('goals only for the life domains a help request needs (AP z2016-11841)', () => {
  it('no help domain needs all 13 ZRM domains', () => {
    for (const d of ['wmo', 'jeugd', 'werk_inkomen', 'schuldhulp']) expect(domainsFor(d).length).toBeLessThan(13);
  });
  it.each([
    ['finances for debt help', 'schuldhulp', 'financien', null],
    ['justice is not a domain debt help needs', 'schuldhulp', 'justitie', 'PLAN.DOMAIN_NOT_NEEDED'],
    ['an unknown domain', 'wmo', 'schoenmaat', 'ZRM.INVALID_DOMAIN'],
    ['an unknown help domain needs nothing', 'onbekend', 'financien', 'PLAN.DOMAIN_NOT_NEEDED'],
  ] as const)('%s', (_n, help, life, expected) => {
    expect(code(() => assertGoalNeeded(help, life, 'Huurachterstand van drie maanden.'))).toBe(expected);
  });
  it('the need is argued', () => {
    expect(code(() => assertGoalNeeded('schuldhulp', 'financien', ''))).toBe('STEP_PLAN.ARGUMENT_REQUIRED');
  });
});

describe('involvement matches', () => {
  const inv = (id: string, prof: string, org: string, residents: string[]) => ({ involvementId: id, professionalId: prof, organisationId: org, householdId: 'h', residentIds: residents });
  it('professionals of different organisations with the same resident match once per pair', () => {
    const pairs = matchPairs([inv('i1', 'p1', 'o1', ['r1']), inv('i2', 'p2', 'o2', ['r1', 'r2']), inv('i3', 'p2', 'o2', ['r1'])]);
    expect(pairs.map((p) => `${p.residentId}:${p.a.professionalId}-${p.b.professionalId}`)).toEqual(['r1:p1-p2']);
  });
  it('colleagues of one organisation do not match, nor professionals of different residents', () => {
    expect(matchPairs([inv('i1', 'p1', 'o1', ['r1']), inv('i2', 'p2', 'o1', ['r1']), inv('i3', 'p3', 'o3', ['r2'])])).toEqual([]);
  });
});

describe('early signals', () => {
  const prof: Actor = { kind: 'professional', id: 'p1', organisationId: 'o1', roles: ['professional'], displayName: 'p1' };
  it('signals under the threshold are dropped, not kept', () => {
    const r = applyThreshold([{ arrearsCents: 7499 }, { arrearsCents: 7500 }, { arrearsCents: 20000 }], 7500);
    expect({ kept: r.kept.length, dropped: r.dropped }).toEqual({ kept: 2, dropped: 1 });
  });
  it.each([
    ['a municipal professional records a signal', 'create', 'municipal_team', { accountableId: null, category: 'address' }, true, 'signal-accountable'],
    ['a chain partner does not', 'create', 'chain_partner', { accountableId: null, category: 'address' }, false, 'signal-accountable'],
    ['the accountable professional reads it', 'read', 'municipal_team', { accountableId: 'p1', category: 'payment_arrears' }, true, 'signal-accountable'],
    ['another professional does not', 'read', 'municipal_team', { accountableId: 'p2', category: 'payment_arrears' }, false, 'signal-accountable'],
    ['a payment signal never carries health data (Bgs art. 2)', 'read', 'municipal_team', { accountableId: 'p1', category: 'health_mental' }, false, 'signal-bgs-2'],
  ] as const)('%s', (_n, action, orgKind, s, permit, rule) => {
    const d = decideSignal(policy, prof, orgKind, action, { id: 's1', kind: 'payment_arrears', ...s });
    expect({ permit: d.permit, rule: d.rule }).toEqual({ permit, rule });
  });
});

describe('involuntary processing', () => {
  const complete: InvoluntaryState = {
    status: 'draft', proposedBy: 'p1', ground: 'safety', groundFacts: 'Dreigende uithuiszetting met kinderen.', explanationGiven: 'Uitgelegd op 3 juni.', consultedProfessionalId: 'p3', consultationAdvice: 'Advies: doorgaan.', considerations: 'Belang kinderen weegt zwaarder.',
  };
  it('lists what is missing, in the policy’s order', () => {
    expect(missingForDecision({ ...complete, explanationGiven: null, consultationAdvice: null, considerations: null })).toEqual(['explanationGiven', 'consultationAdvice', 'considerations']);
  });
  it.each([
    ['a second person decides a complete proposal', complete, 'p2', null],
    ['the proposer never approves their own proposal', complete, 'p1', 'INVOLUNTARY.SAME_PERSON'],
    ['without the consultation it cannot be decided', { ...complete, consultedProfessionalId: null }, 'p2', 'INVOLUNTARY.INCOMPLETE'],
    ['a decided record cannot be decided again', { ...complete, status: 'approved' as const }, 'p2', 'INVOLUNTARY.CLOSED'],
  ] as const)('%s', (_n, s, decider, expected) => {
    expect(code(() => assertDecidable(s, decider))).toBe(expected);
  });
  it('finds names, BSN, birth date and address in facts meant to be pseudonymised', () => {
    const ids = { names: ['Linda', 'ter Horst-Kamphuis'], bsn: '999900018', birthDate: '1985-03-12', postcode: '7523HP', street: 'Kievitlaan' };
    expect(identifiersIn('Moeder (40) van twee kinderen, huurachterstand, dreigt dakloos te raken.', ids)).toEqual([]);
    expect(identifiersIn('Linda woont aan de Kievitlaan, geboren 12-03-1985, BSN 9999 00 018, 7523 HP', ids)).toEqual(['address', 'birthDate', 'bsn', 'name']);
    expect(identifiersIn('Mevrouw Kamphuis, geboren 12 maart 1985', ids)).toEqual(['birthDate', 'name']);
  });
  it('the notice names the decision, the data and the rights, in Dutch and English', () => {
    const base = { residentName: 'L. Kamphuis', addressLines: [], municipality: 'Oosterveld', reference: 'HV-1', ground: 'safety' as const, categoryLabels: ['Adres'], considerations: 'X', decidedAt: '1 juni 2026', validUntil: null, contact: 'de wijkcoach' };
    const nl = noticeLetter({ ...base, lang: 'nl' });
    expect(nl.rights.join(' ')).toMatch(/bezwaar.*6:7/);
    expect(nl.rights.join(' ')).toContain('Autoriteit Persoonsgegevens');
    expect(noticeLetter({ ...base, lang: 'en' }).title).toMatch(/without your consent/);
  });
});
