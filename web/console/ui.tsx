/**
 * The console's building blocks on the NL Design System classes: labelled fields (text, date, select,
 * text area, checkbox), tables with a caption, status badges, the period form, a send helper that shows
 * the error code of a refusal, and downloads of POST results.
 */
import { useState, type ReactNode } from 'react';
import { ApiError, apiSend, type Lang } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { Alert, Button, FormLabel, Paragraph, Textbox } from '../shared/ui.tsx';

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return d.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function today(plusDays = 0): string {
  return new Date(Date.now() + plusDays * 86_400_000).toISOString().slice(0, 10);
}

export function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {hint && (
        <div className="utrecht-form-field-description" id={`${id}-uitleg`}>
          {hint}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextField({ id, label, hint, value, onChange, type = 'text', required, maxLength = 300, wide }: { id: string; label: string; hint?: string; value: string; onChange(v: string): void; type?: 'text' | 'date' | 'number'; required?: boolean; maxLength?: number; wide?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint}>
      <Textbox id={id} name={id} type={type} value={value} required={required} maxLength={type === 'text' ? maxLength : undefined} className={wide ? 'zv-wide' : undefined} aria-describedby={hint ? `${id}-uitleg` : undefined} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
    </Field>
  );
}

export function SelectField({ id, label, hint, value, onChange, options }: { id: string; label: string; hint?: string; value: string; onChange(v: string): void; options: Array<{ value: string; label: string }> }) {
  return (
    <Field id={id} label={label} hint={hint}>
      <select id={id} name={id} className="utrecht-select utrecht-select--html-select zv-select" value={value} aria-describedby={hint ? `${id}-uitleg` : undefined} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function AreaField({ id, label, hint, value, onChange, rows = 4, maxLength = 4000 }: { id: string; label: string; hint?: string; value: string; onChange(v: string): void; rows?: number; maxLength?: number }) {
  return (
    <Field id={id} label={label} hint={hint}>
      <textarea id={id} name={id} className="utrecht-textarea utrecht-textarea--html-textarea zv-area" rows={rows} maxLength={maxLength} value={value} aria-describedby={hint ? `${id}-uitleg` : undefined} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

export function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox zv-checkbox">
      <input className="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <FormLabel htmlFor={id} type="checkbox">
        {label}
      </FormLabel>
    </div>
  );
}

export function Table({ caption, head, rows, numeric = [], hideCaption }: { caption: string; head: string[]; rows: ReactNode[][]; numeric?: number[]; hideCaption?: boolean }) {
  const { t } = useI18n();
  if (rows.length === 0) return <Paragraph>{t('none')}</Paragraph>;
  return (
    <div className="zv-table-container" tabIndex={0} role="region" aria-label={caption}>
      <table className="utrecht-table zv-table">
        <caption className={hideCaption ? 'zv-visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={numeric.includes(i) ? 'zv-num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className={numeric.includes(j) ? 'zv-num' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Badge({ kind, children }: { kind: 'safe' | 'warning' | 'danger' | 'neutral'; children: ReactNode }) {
  // Own colours: the token defaults of the status badge do not reach 4.5:1 contrast (WCAG 1.4.3).
  return <span className={`zv-badge zv-badge--${kind}`}>{children}</span>;
}

/** The outcome of a POST: busy, the error code of a refusal, or done. */
export function useSend<T>() {
  const [state, setState] = useState<{ busy: boolean; error: string | null; result: T | null }>({ busy: false, error: null, result: null });
  const send = async (method: 'POST' | 'PUT', path: string, body?: unknown): Promise<T | null> => {
    setState({ busy: true, error: null, result: null });
    try {
      const result = await apiSend<T>(method, path, body);
      setState({ busy: false, error: null, result });
      return result;
    } catch (err) {
      setState({ busy: false, error: err instanceof ApiError ? err.code : 'NETWORK', result: null });
      return null;
    }
  };
  return { ...state, send };
}

/** A refusal, in words, with its stable code. */
export function SendError({ code }: { code: string | null }) {
  const { t } = useI18n();
  if (!code) return null;
  const text = t(`err.${code}`);
  return (
    <Alert type="error" live>
      <Paragraph>{text === `err.${code}` ? t('err.generic') : text}</Paragraph>
      <Paragraph className="zv-code">{t('errorCode', { code })}</Paragraph>
    </Alert>
  );
}

/** Download what a POST returns (a JSON export) as a file. */
export function saveJson(data: unknown, filename: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PeriodForm({ from, to, onSubmit, submitLabel }: { from: string; to: string; onSubmit(from: string, to: string): void; submitLabel: string }) {
  const { t } = useI18n();
  const [f, setF] = useState(from);
  const [u, setU] = useState(to);
  return (
    <form
      className="zv-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(f, u);
      }}
    >
      <TextField id="van" label={t('from')} type="date" value={f} onChange={setF} required />
      <TextField id="tot" label={t('to')} type="date" value={u} onChange={setU} required />
      <Button type="submit" appearance="primary-action-button">
        {submitLabel}
      </Button>
    </form>
  );
}
