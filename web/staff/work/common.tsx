/**
 * Shared parts of the work pages: the vocabulary (categories, tasks, …) from the API in the chosen
 * language, and the gate's explanation of a decision — rule, plain statement, article links.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { Link, Paragraph } from '../../shared/ui.tsx';
import { Loaded } from '../../shared/states.tsx';
import type { ConsentHint, Explanation, Reference, Term } from './types.ts';
import { useResource } from './ui.tsx';

const RefContext = createContext<Reference | null>(null);

export function WithReference({ children }: { children: ReactNode }) {
  const { result } = useResource<Reference>('/api/werkplek/reference');
  return <Loaded result={result}>{(ref) => <RefContext.Provider value={ref}>{children}</RefContext.Provider>}</Loaded>;
}

export function useReference(): Reference {
  const r = useContext(RefContext);
  if (!r) throw new Error('WithReference missing');
  return r;
}

/** Labels in the chosen language for the catalogue's codes. */
export function useLabels() {
  const ref = useReference();
  const { lang, t } = useI18n();
  const pick = (list: Term[], code: string | null) => {
    if (code === null) return '—';
    const x = list.find((i) => i.code === code);
    return x ? (lang === 'nl' ? x.nl : x.en) : code;
  };
  return {
    category: (c: string) => pick(ref.categories, c),
    categories: (cs: string[]) => cs.map((c) => pick(ref.categories, c)).join(', '),
    source: (c: string) => pick(ref.sources, c),
    task: (c: string) => pick(ref.tasks, c),
    domain: (c: string) => pick(ref.domains, c),
    secrecy: (c: string) => pick(ref.secrecyOrigins, c),
    law: (c: string | null) => (c === null ? '—' : (ref.laws.find((l) => l.code === c)?.name ?? c)),
    lifeDomain: (c: string) => t(`zrm.${c}`),
    options: (list: Term[]) => list.map((x) => ({ value: x.code, label: lang === 'nl' ? x.nl : x.en })),
  };
}

/** The gate's explanation: the deciding rule first, then every rule with its articles (R2.6). */
export function ExplanationView({ e, title }: { e: Explanation; title?: string }) {
  const { t, lang } = useI18n();
  const failed = e.rules.find((r) => r.outcome === 'failed');
  return (
    <div className={`zv-explanation zv-explanation--${e.decision}`}>
      <Paragraph>
        <strong>{title ?? (e.decision === 'permit' ? t('check.permit') : t('check.deny'))}</strong>
        {failed && <> — {lang === 'nl' ? failed.statementNl : failed.statement}</>}
      </Paragraph>
      <details>
        <summary>{t('check.why', { rule: e.rule })}</summary>
        <ul className="utrecht-unordered-list">
          {e.rules.map((r) => (
            <li className="utrecht-unordered-list__item" key={`${r.id}-${r.outcome}`}>
              <span className="zv-code">{t(`check.outcome.${r.outcome}`)} · {r.id}</span>: {lang === 'nl' ? r.statementNl : r.statement}
              {r.articles.length > 0 && (
                <>
                  {' '}
                  (
                  {r.articles.map((a, i) => (
                    <span key={`${a.label}-${i}`}>
                      {i > 0 && ', '}
                      {a.url ? <Link href={a.url}>{a.label}</Link> : a.label}
                    </span>
                  ))}
                  )
                </>
              )}
              {r.confidence === 'verify' && <span className="zv-code"> — {t('check.verify')}</span>}
            </li>
          ))}
        </ul>
        <Paragraph className="zv-code">{t('check.version', { version: e.catalogueVersion })}</Paragraph>
      </details>
    </div>
  );
}

export function ConsentHintView({ hint }: { hint: ConsentHint }) {
  const { t } = useI18n();
  const labels = useLabels();
  return (
    <Paragraph className="zv-hint">
      {t(hint.kind === 'explicit' ? (hint.inWriting ? 'hint.explicitWritten' : 'hint.explicit') : 'hint.noObjection', { from: labels.law(hint.sourceLaw), to: labels.law(hint.targetLaw) })}
    </Paragraph>
  );
}

export function formatDate(iso: string | null, lang: 'nl' | 'en'): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return d.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}
