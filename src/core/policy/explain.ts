/**
 * Turn a Decision into an explanation people can read and follow: every rule with its plain statement
 * (Dutch and English), its articles as Juriconnect identifiers with links to wetten.overheid.nl (EUR-Lex
 * for the AVG), its confidence mark, and the facts the gate used (R2.6).
 */
import { articleLabel, articleUrl, jci, type Confidence } from './catalogue.ts';
import type { CompiledPolicy } from './compile.ts';
import type { Decision } from './decide.ts';

export interface ExplainedArticle {
  label: string;
  jci: string | null;
  url: string | null;
}

export interface ExplainedRule {
  id: string;
  outcome: 'passed' | 'failed' | 'cited';
  statement: string;
  statementNl: string;
  confidence: Confidence | 'unknown';
  articles: ExplainedArticle[];
  lawOverPolicy?: string;
}

export interface Explanation {
  decision: 'permit' | 'deny';
  rule: string;
  catalogueVersion: string;
  rules: ExplainedRule[];
  facts: Decision['facts'];
}

export function explainRule(policy: CompiledPolicy, id: string, outcome: ExplainedRule['outcome']): ExplainedRule {
  const rule = policy.rules.get(id);
  if (!rule) return { id, outcome, statement: id, statementNl: id, confidence: 'unknown', articles: [] };
  const laws = new Map(policy.catalogue.laws.map((l) => [l.code, l]));
  return {
    id,
    outcome,
    statement: rule.statement,
    statementNl: rule.statementNl,
    confidence: rule.confidence,
    articles: rule.articles.map((ref) => {
      const law = laws.get(ref.law);
      if (!law) return { label: `${ref.law} ${ref.article}`, jci: null, url: null };
      return { label: articleLabel(law, ref), jci: jci(law, ref), url: articleUrl(law, ref) };
    }),
    ...(rule.lawOverPolicy ? { lawOverPolicy: rule.lawOverPolicy } : {}),
  };
}

export function explain(policy: CompiledPolicy, d: Decision): Explanation {
  const rules: ExplainedRule[] = d.passed.map((id) => explainRule(policy, id, 'passed'));
  if (!d.permit) rules.push(explainRule(policy, d.rule, 'failed'));
  for (const id of d.cited) if (!d.passed.includes(id) && id !== d.rule) rules.push(explainRule(policy, id, 'cited'));
  return { decision: d.permit ? 'permit' : 'deny', rule: d.rule, catalogueVersion: d.catalogueVersion, rules, facts: d.facts };
}

/** All rule ids a decision rests on, for the access record (deciding rule first). */
export function decisionRuleIds(d: Decision): string[] {
  const ids = d.permit ? [...d.passed, ...d.cited] : [d.rule, ...d.cited];
  return [...new Set(ids)];
}
