/** The step plan's order, necessity, basis and completion rules as tables (R3; policy §3.2–3.3). */
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import {
  assertBasis,
  assertCompletable,
  assertConfidentiality,
  assertItems,
  assertStepAllowed,
  assertTask,
  assessItem,
  authorisingPlan,
  consentHint,
  lastStep,
  uncoveredShare,
  type AuthorisingPlan,
  type BasisInput,
  type ItemInput,
  type StepPlanState,
} from './step-plan.ts';

const code = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : 'THROWN';
  }
};

const plan = (over: Partial<StepPlanState> = {}): StepPlanState => ({ kind: 'record', status: 'draft', stepsDone: 0, reuse: false, ...over });
const ARG = 'Nodig om de hulpvraag te kunnen beoordelen.';
const item = (over: Partial<ItemInput> = {}): ItemInput => ({
  residentId: 'r1', category: 'care_needs', source: 'resident', description: 'Welke hulp in huis nodig is', need: 'necessary', canBeMissed: false, proportionality: ARG, subsidiarity: ARG, ...over,
});
const basis = (over: Partial<BasisInput> = {}): BasisInput => ({
  ground: 'e', groundNote: null, specialNote: ARG, bsnUsed: false, bsnNote: null, transferOutsideEea: false, transferSafeguard: null, transferNote: null, ...over,
});

describe('the order of the steps (§3.2: the order is not arbitrary)', () => {
  it.each([
    ['step 1 may be saved first', plan(), 1, null],
    ['step 2 before step 1 is out of order', plan(), 2, 'STEP_PLAN.OUT_OF_ORDER'],
    ['step 4 after steps 1–2 only is out of order', plan({ stepsDone: 2 }), 4, 'STEP_PLAN.OUT_OF_ORDER'],
    ['an earlier step may be saved again', plan({ stepsDone: 3 }), 2, null],
    ['step 5 does not apply to recording', plan({ stepsDone: 4 }), 5, 'STEP_PLAN.STEP_NOT_APPLICABLE'],
    ['step 5 applies to sharing', plan({ kind: 'share', stepsDone: 4 }), 5, null],
    ['step 5 applies to reuse for another help request', plan({ reuse: true, stepsDone: 4 }), 5, null],
    ['step 6 before step 5 is out of order', plan({ kind: 'share', stepsDone: 4 }), 6, 'STEP_PLAN.OUT_OF_ORDER'],
    ['a completed plan cannot change', plan({ status: 'completed', stepsDone: 4 }), 1, 'STEP_PLAN.CLOSED'],
    ['step 0 does not exist', plan(), 0, 'STEP_PLAN.STEP_NOT_APPLICABLE'],
  ] as const)('%s', (_n, p, step, expected) => {
    expect(code(() => assertStepAllowed(p, step))).toBe(expected);
  });

  it('an exchange has six steps, a request or record four', () => {
    expect([lastStep(plan()), lastStep(plan({ kind: 'request' })), lastStep(plan({ kind: 'share' })), lastStep(plan({ reuse: true }))]).toEqual([4, 4, 6, 6]);
  });

  it('step 1 names the help request’s own task, with what the work is', () => {
    expect(code(() => assertTask('wmo-onderzoek', 'jeugd-hulp', ARG))).toBe('STEP_PLAN.TASK_MISMATCH');
    expect(code(() => assertTask('wmo-onderzoek', 'wmo-onderzoek', 'kort'))).toBe('STEP_PLAN.ARGUMENT_REQUIRED');
    expect(code(() => assertTask('wmo-onderzoek', 'wmo-onderzoek', ARG))).toBe(null);
  });
});

describe('necessity per item (§3.3: useful, handy or maybe later is not necessary)', () => {
  it.each([
    ['a necessary item that cannot be missed is included', item(), true],
    ['a useful item is excluded', item({ need: 'useful' }), false],
    ['a handy item is excluded', item({ need: 'handy' }), false],
    ['a maybe-later item is excluded', item({ need: 'maybe_later' }), false],
    ['an item that can be missed is excluded even when called necessary', item({ canBeMissed: true }), false],
  ] as const)('%s', (_n, i, included) => {
    const a = assessItem(i);
    expect(a.included).toBe(included);
    if (!included) expect(a.exclusionRule).toBe('minimisation');
  });

  it.each([
    ['without a proportionality argument', item({ proportionality: '' }), 'STEP_PLAN.ARGUMENT_REQUIRED'],
    ['without a subsidiarity argument', item({ subsidiarity: 'nee' }), 'STEP_PLAN.ARGUMENT_REQUIRED'],
    ['without saying which data', item({ description: ' ' }), 'STEP_PLAN.ARGUMENT_REQUIRED'],
  ] as const)('an item %s is refused', (_n, i, expected) => {
    expect(code(() => assessItem(i))).toBe(expected);
  });

  it('a step 3 with only useful items has nothing necessary and is refused', () => {
    expect(code(() => assertItems([item({ need: 'useful' })]))).toBe('STEP_PLAN.NO_NECESSARY_DATA');
    expect(code(() => assertItems([]))).toBe('STEP_PLAN.NO_NECESSARY_DATA');
  });

  it('the same resident and category twice is refused', () => {
    expect(code(() => assertItems([item(), item()]))).toBe('STEP_PLAN.INCONSISTENT');
  });
});

describe('step 4: the legal basis', () => {
  const task = { avg6Ground: 'e' };
  it.each([
    ['the task’s own ground needs no further argument', basis(), ['special'], null],
    ['another ground needs an argument', basis({ ground: 'a' }), ['special'], 'STEP_PLAN.ARGUMENT_REQUIRED'],
    ['another ground with an argument is recorded', basis({ ground: 'a', groundNote: ARG }), ['special'], null],
    ['legitimate interest is not available to a public authority', basis({ ground: 'f' as never }), ['ordinary'], 'STEP_PLAN.GROUND_NOT_ALLOWED'],
    ['special categories need the exception stated', basis({ specialNote: null }), ['special'], 'STEP_PLAN.ARGUMENT_REQUIRED'],
    ['criminal data too', basis({ specialNote: null }), ['criminal'], 'STEP_PLAN.ARGUMENT_REQUIRED'],
    ['ordinary data need no special exception', basis({ specialNote: null }), ['ordinary'], null],
    ['a BSN in step 3 must be declared in step 4', basis({ bsnUsed: false }), ['bsn'], 'STEP_PLAN.INCONSISTENT'],
    ['a declared BSN use needs its basis argued', basis({ bsnUsed: true }), ['bsn'], 'STEP_PLAN.ARGUMENT_REQUIRED'],
    ['a transfer outside the EEA needs a safeguard', basis({ transferOutsideEea: true }), ['ordinary'], 'STEP_PLAN.ARGUMENT_REQUIRED'],
    ['a safeguard without a transfer is inconsistent', basis({ transferSafeguard: 'adequacy' }), ['ordinary'], 'STEP_PLAN.INCONSISTENT'],
    ['a transfer with adequacy and argument is recorded', basis({ transferOutsideEea: true, transferSafeguard: 'adequacy', transferNote: ARG }), ['ordinary'], null],
  ] as const)('%s', (_n, b, kinds, expected) => {
    expect(code(() => assertBasis(b, task, kinds))).toBe(expected);
  });
});

describe('step 6 and completion', () => {
  it('a duty of confidentiality must be weighed, and "no duty" with a duty named is inconsistent', () => {
    expect(code(() => assertConfidentiality({ duties: ['wmo'], assessment: ARG, conclusion: 'no_duty' }, ['wmo']))).toBe('STEP_PLAN.INCONSISTENT');
    expect(code(() => assertConfidentiality({ duties: [], assessment: ARG, conclusion: 'consent' }, ['wmo']))).toBe('STEP_PLAN.INCONSISTENT');
    expect(code(() => assertConfidentiality({ duties: ['unknown'], assessment: ARG, conclusion: 'consent' }, ['wmo']))).toBe('STEP_PLAN.INCONSISTENT');
    expect(code(() => assertConfidentiality({ duties: ['wmo'], assessment: ARG, conclusion: 'duty_permits' }, ['wmo']))).toBe(null);
  });

  it.each([
    ['an unfinished plan cannot be completed', plan({ stepsDone: 3 }), null, null, 'STEP_PLAN.INCOMPLETE'],
    ['a finished record plan can', plan({ stepsDone: 4 }), null, null, null],
    ['a share plan needs steps 5 and 6', plan({ kind: 'share', stepsDone: 4 }), null, null, 'STEP_PLAN.INCOMPLETE'],
    ['an incompatible reuse cannot be completed', plan({ reuse: true, stepsDone: 6 }), 'not_compatible', 'no_duty', 'STEP_PLAN.NOT_COMPATIBLE'],
    ['a share a secrecy duty forbids cannot be completed', plan({ kind: 'share', stepsDone: 6 }), 'compatible', 'not_permitted', 'STEP_PLAN.SECRECY'],
    ['a compatible share within the duty can', plan({ kind: 'share', stepsDone: 6 }), 'compatible', 'duty_permits', null],
  ] as const)('%s', (_n, p, compatibility, confidentiality, expected) => {
    expect(code(() => assertCompletable(p, { compatibility, confidentiality }, 1))).toBe(expected);
  });
});

describe('what a completed plan authorises', () => {
  const record: AuthorisingPlan = { id: 'sp1', kind: 'record', status: 'completed', helpRequestId: 'hr1', recipientOrganisationId: null, items: [{ residentId: 'r1', category: 'housing', included: true }, { residentId: 'r1', category: 'income', included: false }] };
  const share: AuthorisingPlan = { id: 'sp2', kind: 'share', status: 'completed', helpRequestId: 'hr1', recipientOrganisationId: 'org-p', items: [{ residentId: 'r1', category: 'address', included: true }] };
  const use = (over: object) => ({ kind: 'record' as const, helpRequestId: 'hr1', residentId: 'r1', category: 'housing', ...over });
  it.each([
    ['recording an included category', [record], use({}), 'sp1'],
    ['not a category the plan excluded as merely useful', [record], use({ category: 'income' }), null],
    ['not for another help request', [record], use({ helpRequestId: 'hr2' }), null],
    ['not for another resident', [record], use({ residentId: 'r2' }), null],
    ['not from a draft', [{ ...record, status: 'draft' as const }], use({}), null],
    ['not a record from a share plan', [share], use({ category: 'address' }), null],
    ['a share to the organisation the plan names', [share], use({ kind: 'share', category: 'address', organisationId: 'org-p' }), 'sp2'],
    ['not a share to another organisation', [share], use({ kind: 'share', category: 'address', organisationId: 'org-q' }), null],
    ['not a share from a record plan', [record], use({ kind: 'share', organisationId: null }), null],
  ] as const)('%s', (_n, plans, u, expected) => {
    expect(authorisingPlan(plans, u)?.id ?? null).toBe(expected);
  });

  it('a sub-activity asking more categories than the share plan covers names the missing ones', () => {
    expect(uncoveredShare(share, 'r1', ['address', 'income'])).toEqual(['income']);
  });
});

describe('consent hints from the gate’s denial', () => {
  const deny = (rule: string, facts: Record<string, string>) => ({ permit: false, rule, facts });
  it.each([
    ['Jeugd data in a Wmo case: explicit consent', deny('cross-law-both-permit', { condition: 'explicit_consent', sourceLaw: 'jeugdwet', targetLaw: 'wmo2015' }), { kind: 'explicit', inWriting: false }],
    ['Pw data in a Wmo case: explicit consent in writing (Pw 65)', deny('cross-law-both-permit', { condition: 'explicit_consent_and_written_no_objection', sourceLaw: 'pw', targetLaw: 'wmo2015' }), { kind: 'explicit', inWriting: true }],
    ['Pw data in a Jeugd case: a written no-objection', deny('cross-law-both-permit', { condition: 'written_no_objection', sourceLaw: 'pw', targetLaw: 'jeugdwet' }), { kind: 'written_no_objection', inWriting: true }],
    ['a health insurer’s data: explicit consent', deny('consent-record', { consent: 'explicit' }), { kind: 'explicit', inWriting: false }],
  ] as const)('%s', (_n, d, expected) => {
    expect(consentHint(d)).toMatchObject(expected);
  });

  it('consent does not help where the law says never, or for a missing basis', () => {
    expect(consentHint(deny('cross-law-both-permit', { condition: 'never' }))).toBe(null);
    expect(consentHint(deny('special-category-basis', {}))).toBe(null);
  });
});
