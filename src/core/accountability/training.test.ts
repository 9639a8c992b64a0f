import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../policy/compile.ts';
import { CATALOGUE_2026_1 } from '../policy/catalogue-fixture.ts';
import { decide } from '../policy/decide.ts';
import { explain } from '../policy/explain.ts';
import { ACTORS, HR, ctx, dataItem } from '../policy/test-world.ts';
import { stepOfRule, stepsOf } from './training.ts';

const policy = compilePolicy(CATALOGUE_2026_1);

describe('the step plan view of a decision (training)', () => {
  it('places the gate rules at their step', () => {
    expect(stepOfRule('purpose-specified')).toBe(2);
    expect(stepOfRule('special-category-basis')).toBe(4);
    expect(stepOfRule('cross-law-both-permit')).toBe(5);
    expect(stepOfRule('conf-derived')).toBe(6);
  });

  it('a permitted read passes every step it touched', () => {
    const e = explain(policy, decide(policy, ctx(ACTORS.consulent, HR.wmo), 'read', dataItem({})));
    const steps = stepsOf(e.rules, true);
    expect(steps.find((s) => s.step === 2)!.outcome).toBe('passed');
    expect(steps.find((s) => s.step === 4)!.outcome).toBe('passed');
    expect(steps.some((s) => s.outcome === 'failed')).toBe(false);
  });

  it('a read without a purpose stops at step 2; later steps are not reached', () => {
    const e = explain(policy, decide(policy, ctx(ACTORS.consulent, null), 'read', dataItem({})));
    const steps = stepsOf(e.rules, false);
    expect(steps.find((s) => s.step === 2)!.outcome).toBe('failed');
    expect(steps.find((s) => s.step === 4)!.outcome).toBe('not_reached');
  });
});
