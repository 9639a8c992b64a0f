/**
 * Shared parts of the queues (issue 6): this folder's dictionary on top of the workspace's, loading with
 * reload, sending with the API's stable code, deadline badges, and plain form fields with their labels.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError, apiGet, apiSend, type Loadable } from '../../shared/api.ts';
import { I18nProvider, SHARED, useI18n } from '../../shared/i18n.tsx';
import { AppLink } from '../../shared/router.tsx';
import { Alert, FormLabel, Paragraph } from '../../shared/ui.tsx';
import { STAFF } from '../strings.ts';
import { REQUESTS } from './strings.ts';

export function RequestsI18n({ children }: { children: ReactNode }) {
  const outer = useI18n();
  return (
    <I18nProvider lang={outer.lang} setLang={outer.setLang} dictionaries={{ nl: { ...SHARED.nl, ...STAFF.nl, ...REQUESTS.nl }, en: { ...SHARED.en, ...STAFF.en, ...REQUESTS.en } }}>
      {children}
    </I18nProvider>
  );
}

export function useResource<T>(path: string): { result: Loadable<T>; reload(): void } {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    apiGet<T>(path)
      .then((data) => live && setResult({ state: 'ok', data }))
      .catch((err: unknown) => {
        if (!live) return;
        setResult(err instanceof ApiError ? { state: 'error', status: err.status, code: err.code } : { state: 'error', status: 0, code: 'NETWORK' });
      });
    return () => {
      live = false;
    };
  }, [path, n]);
  return { result, reload: useCallback(() => setN((x) => x + 1), []) };
}

/** Send a change; on success call `after`; keeps the outcome for a status message. */
export function useAction(after: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (path: string, body?: unknown) => {
    setBusy(true);
    setMessage(null);
    try {
      await apiSend('POST', path, body);
      setMessage({ ok: true, text: t('rq.saved') });
      after();
    } catch (err) {
      setMessage({ ok: false, text: t('rq.error', { code: err instanceof ApiError ? err.code : 'NETWORK' }) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, run };
}

export function ActionMessage({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <div className="zv-notice" role={message.ok ? 'status' : 'alert'}>
      <Alert type={message.ok ? 'ok' : 'error'}>
        <Paragraph>{message.text}</Paragraph>
      </Alert>
    </div>
  );
}

export function Deadline({ state }: { state: string }) {
  const { t } = useI18n();
  const kind = state === 'overdue' ? 'danger' : state === 'due_soon' ? 'warning' : 'safe';
  return <span className={`utrecht-status-badge utrecht-status-badge--${kind} zv-deadline zv-deadline--${kind}`}>{t(`dl.${state}`)}</span>;
}

export function day(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="utrecht-data-list zv-data-list">
      {items.map(([k, v]) => (
        <div className="utrecht-data-list__item" key={k}>
          <dt className="utrecht-data-list__item-key">{k}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function TextField({ id, label, value, onChange, rows = 4 }: { id: string; label: string; value: string; onChange(v: string): void; rows?: number }) {
  return (
    <div className="utrecht-form-field utrecht-form-field--textarea">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <div className="utrecht-form-field__input">
        <textarea className="utrecht-textarea utrecht-textarea--html-textarea zv-wide" id={id} rows={rows} maxLength={20000} value={value} onChange={(e) => onChange(e.target.value)} />
      </div>
    </div>
  );
}

export function Choice({ name, legend, options, value, onChange }: { name: string; legend: string; options: Array<[string, string]>; value: string; onChange(v: string): void }) {
  return (
    <fieldset className="utrecht-form-fieldset zv-plain-fieldset">
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {options.map(([v, text]) => (
        <div className="utrecht-form-field utrecht-form-field--radio zv-choice" key={v}>
          <div className="utrecht-form-field__input">
            <input className="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`${name}-${v}`} name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          </div>
          <div className="utrecht-form-field__label utrecht-form-field__label--radio">
            <FormLabel htmlFor={`${name}-${v}`} type="radio">
              {text}
            </FormLabel>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function FilterLinks({ base, current }: { base: string; current: string }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('rq.filter')} className="zv-filters">
      <span>{t('rq.filter')}:</span>
      {['open', 'overdue', 'decided', 'all'].map((f) => (
        <AppLink key={f} href={`${base}?filter=${f}`} aria-current={current === f ? 'true' : undefined}>
          {t(`filter.${f}`)}
        </AppLink>
      ))}
    </nav>
  );
}

export interface QueueRow {
  id: string;
  href: string;
  reference: string;
  /** The second column: what kind of request, or the complaint's topic, in words. */
  what: string;
  residentName: string | null;
  receivedOn: string;
  dueOn: string;
  status: string;
  deadline: string;
}

/** A handler's queue (AVG requests, complaints): reference, what, who, received, due, status with its deadline. */
export function QueueTable({ title, whatHeader, rows }: { title: string; whatHeader: string; rows: QueueRow[] }) {
  const { t, lang } = useI18n();
  if (rows.length === 0) return <Paragraph>{t('rq.empty')}</Paragraph>;
  return (
    <div className="utrecht-table-container zv-table-container" role="region" tabIndex={0} aria-label={title}>
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption zv-visually-hidden">{title}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {[t('rq.reference'), whatHeader, t('rq.resident'), t('rq.received'), t('rq.due'), t('rq.status')].map((h) => (
              <th key={h} scope="col" className="utrecht-table__header-cell">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r) => (
            <tr className="utrecht-table__row" key={r.id}>
              <td className="utrecht-table__cell">
                <AppLink href={r.href}>{r.reference}</AppLink>
              </td>
              <td className="utrecht-table__cell">{r.what}</td>
              <td className="utrecht-table__cell">{r.residentName ?? '—'}</td>
              <td className="utrecht-table__cell">{day(r.receivedOn, lang)}</td>
              <td className="utrecht-table__cell">{day(r.dueOn, lang)}</td>
              <td className="utrecht-table__cell">
                {t(`st.${r.status}`)} <Deadline state={r.deadline} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
