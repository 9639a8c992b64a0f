/**
 * The training sandbox (R11; seed §3.5, §3.7): professionals practise the step plan on fictitious cases
 * and see how the rules decide and why. The gate's explanation names rules; here each rule is placed
 * at the step of the step plan (policy §3.2) it belongs to, so the trainee sees where a choice stops:
 * (1) task, (2) purpose, (3) necessary data, (4) legal basis — ground, special categories, BSN —,
 * (5) purpose binding when data cross purposes or laws, (6) duties of confidentiality. Pure.
 */
import type { ExplainedRule } from '../policy/explain.ts';

export const STEPS = [
  { step: 1, nl: 'Taak', en: 'Task' },
  { step: 2, nl: 'Doel (de hulpvraag)', en: 'Purpose (the help request)' },
  { step: 3, nl: 'Noodzakelijke gegevens', en: 'Necessary data' },
  { step: 4, nl: 'Grondslag (grond, bijzondere gegevens, BSN)', en: 'Legal basis (ground, special categories, BSN)' },
  { step: 5, nl: 'Doelbinding', en: 'Purpose binding' },
  { step: 6, nl: 'Geheimhouding en vertrouwelijkheid', en: 'Confidentiality' },
] as const;

/** The step each generic rule of the gate belongs to; task- and flow-specific rules by their prefix. */
const STEP_OF: Record<string, number> = {
  'gate-actor-known': 1,
  'gate-unknown-fact': 1,
  'task-legal-basis': 1,
  'purpose-specified': 2,
  'purpose-household': 2,
  'purpose-open': 2,
  'involvement-required': 2,
  'role-no-dossier': 2,
  'role-profile': 3,
  'role-read-only': 3,
  'need-to-know-sub-activity': 3,
  'provider-own-client': 3,
  'expert-pseudonymised': 3,
  'minimisation': 3,
  'special-category-basis': 4,
  'criminal-data-basis': 4,
  'bsn-use': 4,
  'source-scope': 5,
  'cross-law-both-permit': 5,
  'consent-record': 5,
  'inv-vital': 5,
  'compat-6-4': 5,
  'covenant-required': 5,
  'confidentiality-max': 6,
  'dat-only-director': 6,
  'conf-derived': 6,
};

export function stepOfRule(id: string): number {
  const s = STEP_OF[id];
  if (s !== undefined) return s;
  if (/^(cross-law|suwi|signal|compat|consent)/.test(id)) return 5;
  if (/^(conf-|jw-7\.3\.11|pw-65|wmo-5\.3\.3)/.test(id)) return 6;
  if (/bsn/.test(id)) return 4;
  return 4;
}

export interface TrainingStep {
  step: number;
  nl: string;
  en: string;
  outcome: 'passed' | 'failed' | 'not_reached' | 'not_applicable';
  rules: ExplainedRule[];
}

/** Group an explanation's rules by step; after the failing step, the later steps were not reached. */
export function stepsOf(rules: readonly ExplainedRule[], permit: boolean): TrainingStep[] {
  const failed = rules.find((r) => r.outcome === 'failed');
  const failedStep = failed ? stepOfRule(failed.id) : null;
  return STEPS.map((s) => {
    const mine = rules.filter((r) => stepOfRule(r.id) === s.step);
    let outcome: TrainingStep['outcome'];
    if (failedStep !== null && s.step === failedStep) outcome = 'failed';
    else if (failedStep !== null && s.step > failedStep) outcome = 'not_reached';
    else if (mine.length === 0) outcome = permit || failedStep !== null ? 'not_applicable' : 'not_reached';
    else outcome = 'passed';
    return { ...s, outcome, rules: mine };
  });
}
