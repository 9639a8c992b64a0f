/**
 * Building blocks of the professional's-work pages: loading with reload, sending with a stable error
 * code shown in words, and NL Design System form fields (Utrecht classes on plain elements, each with
 * its label, description and error tied by id, so screen readers announce them).
 */
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, apiGet, apiSend, type Loadable } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { Alert, Button, FormLabel, Heading2, Paragraph } from '../../shared/ui.tsx';

export interface Resource<T> {
  result: Loadable<T>;
  reload(): void;
}

/** GET a path; reload() fetches it again (after a change). */
export function useResource<T>(path: string | null): Resource<T> {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [n, setN] = useState(0);
  useEffect(() => {
    if (path === null) return;
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

export interface Sent {
  busy: boolean;
  error: string | null;
  done: string | null;
  send<T>(method: 'POST' | 'PUT', path: string, body?: unknown, doneMessage?: string): Promise<T | null>;
  clear(): void;
}

/** Send a change; the error is the API's stable code, shown through the dictionary ("error.<code>"). */
export function useSend(): Sent {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = async <T,>(method: 'POST' | 'PUT', path: string, body?: unknown, doneMessage?: string): Promise<T | null> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await apiSend<T>(method, path, body);
      if (doneMessage) setDone(doneMessage);
      return r;
    } catch (err) {
      setError(err instanceof ApiError ? err.code : 'NETWORK');
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, send, clear: () => { setError(null); setDone(null); } };
}

/** The outcome of a change: an error in words with its code, or a confirmation; announced (role=alert/status). */
export function Outcome({ sent }: { sent: Sent }) {
  const { t } = useI18n();
  if (sent.error) {
    const key = `error.${sent.error}`;
    const text = t(key);
    return (
      <div className="zv-notice" role="alert">
        <Alert type="error">
          <Paragraph>{text === key ? t('error.generic') : text}</Paragraph>
          <Paragraph className="zv-code">{t('errorCode', { code: sent.error })}</Paragraph>
        </Alert>
      </div>
    );
  }
  if (sent.done) {
    return (
      <div className="zv-notice" role="status">
        <Alert type="ok">
          <Paragraph>{sent.done}</Paragraph>
        </Alert>
      </div>
    );
  }
  return null;
}

export function Form({ onSubmit, children, label }: { onSubmit(): void | Promise<void>; children: ReactNode; label: string }) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit();
  };
  return (
    <form className="zv-form" onSubmit={submit} aria-label={label} noValidate>
      {children}
    </form>
  );
}

export function Submit({ children, busy, appearance = 'primary-action-button' }: { children: ReactNode; busy?: boolean; appearance?: 'primary-action-button' | 'secondary-action-button' }) {
  return (
    <Button type="submit" appearance={appearance} disabled={busy} aria-disabled={busy}>
      {children}
    </Button>
  );
}

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="utrecht-form-field utrecht-form-field--text zv-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {hint && (
        <div className="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextInput({ label, hint, value, onChange, type = 'text', required, name, autoComplete, inputMode, maxLength }: {
  label: string;
  hint?: string;
  value: string;
  onChange(v: string): void;
  type?: 'text' | 'date' | 'datetime-local' | 'email' | 'tel' | 'number';
  required?: boolean;
  name?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  maxLength?: number;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        name={name}
        className="utrecht-textbox utrecht-textbox--html-input"
        type={type}
        value={value}
        required={required}
        aria-required={required}
        aria-describedby={hint ? `${id}-hint` : undefined}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

export function TextArea({ label, hint, value, onChange, required, rows = 3 }: { label: string; hint?: string; value: string; onChange(v: string): void; required?: boolean; rows?: number }) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <textarea
        id={id}
        className="utrecht-textarea utrecht-textarea--html-textarea"
        value={value}
        rows={rows}
        required={required}
        aria-required={required}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

export function Select({ label, hint, value, onChange, options, required, placeholder }: {
  label: string;
  hint?: string;
  value: string;
  onChange(v: string): void;
  options: Array<{ value: string; label: string }>;
  required?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <select id={id} className="utrecht-select utrecht-select--html-select" value={value} required={required} aria-required={required} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange(v: boolean): void; hint?: string }) {
  const id = useId();
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox zv-field zv-field--check">
      <div className="utrecht-form-field__input">
        <input id={id} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.checked)} />
      </div>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      </div>
      {hint && (
        <div className="utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}

/** A group of radio buttons in a fieldset with its legend (WCAG 1.3.1). */
export function Radios({ legend, value, onChange, options, hint }: { legend: string; value: string; onChange(v: string): void; options: Array<{ value: string; label: string }>; hint?: string }) {
  const name = useId();
  return (
    <fieldset className="utrecht-form-fieldset zv-fieldset" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {hint && (
        <p className="utrecht-form-field-description" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div className="utrecht-form-field utrecht-form-field--radio zv-field--check" key={o.value}>
            <div className="utrecht-form-field__input">
              <input id={id} type="radio" name={name} className="utrecht-radio-button utrecht-radio-button--html-input" value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={id} type="radio">
                {o.label}
              </FormLabel>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A group of checkboxes for a set of codes. */
export function CheckGroup({ legend, values, onChange, options, hint }: { legend: string; values: string[]; onChange(v: string[]): void; options: Array<{ value: string; label: string }>; hint?: string }) {
  const name = useId();
  return (
    <fieldset className="utrecht-form-fieldset zv-fieldset" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {hint && (
        <p className="utrecht-form-field-description" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <div className="zv-checks">
        {options.map((o) => {
          const id = `${name}-${o.value}`;
          const on = values.includes(o.value);
          return (
            <div className="utrecht-form-field utrecht-form-field--checkbox zv-field--check" key={o.value}>
              <div className="utrecht-form-field__input">
                <input id={id} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={on} onChange={() => onChange(on ? values.filter((v) => v !== o.value) : [...values, o.value])} />
              </div>
              <div className="utrecht-form-field__label">
                <FormLabel htmlFor={id} type="checkbox">
                  {o.label}
                </FormLabel>
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A titled part of a page. */
export function Part({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="zv-section zv-part" aria-labelledby={id}>
      <Heading2 id={id}>{title}</Heading2>
      {children}
    </section>
  );
}

export function nowLocal(): string {
  const d = new Date(Date.now() - 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function toInstant(local: string): string {
  return new Date(local).toISOString();
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
