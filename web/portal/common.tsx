/**
 * Small building blocks of the portal: whose data the page shows (the resident or a person they
 * represent: ?voor=), labels in the chosen language, dates, deadline badges and error messages.
 */
import type { ReactNode } from 'react';
import { ApiError, type Lang } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { AppLink, useLocation } from '../shared/router.tsx';
import { Alert, Paragraph } from '../shared/ui.tsx';

export interface Label {
  code: string;
  nl: string;
  en: string;
}

export function label(l: Label | null | undefined, lang: Lang): string {
  if (!l) return '';
  return lang === 'en' ? l.en : l.nl;
}

/** The person whose data the page shows: ?voor=<id>, or the resident themself. */
export function useSubject(): string | null {
  return useIdParam('voor');
}

/** A query parameter of the portal's address that holds an id (anything else: null). */
export function useIdParam(name: string): string | null {
  const { query } = useLocation();
  const v = query.get(name);
  return v && /^[0-9a-f-]{36}$/i.test(v) ? v : null;
}

/** An API path with the subject (a person the resident represents) when there is one. */
export function api(path: string, subject: string | null, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (subject) params.set('subject', subject);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') params.set(k, v);
  const q = params.toString();
  return q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path;
}

/** A portal link that keeps the subject. */
export function href(path: string, subject: string | null): string {
  return subject ? `${path}${path.includes('?') ? '&' : '?'}voor=${encodeURIComponent(subject)}` : path;
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return d.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function DeadlineBadge({ state }: { state: string }) {
  const { t } = useI18n();
  const kind = state === 'overdue' ? 'danger' : state === 'due_soon' ? 'warning' : 'safe';
  return <span className={`utrecht-status-badge utrecht-status-badge--${kind} zv-deadline zv-deadline--${kind}`}>{t(`deadline.${state}`)}</span>;
}

/** A data list of label → value pairs (the Utrecht data list). */
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

export function errorText(err: unknown, t: (k: string, v?: Record<string, string>) => string): string {
  const code = err instanceof ApiError ? err.code : 'NETWORK';
  const key = `error.${code}`;
  const text = t(key);
  return text === key ? t('error.other', { code }) : text;
}

export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="zv-notice">
      <Alert type="error" live>
        <Paragraph>{message}</Paragraph>
      </Alert>
    </div>
  );
}

export function BackLink({ to = '/mijn', subject = null as string | null, children }: { to?: string; subject?: string | null; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Paragraph>
      <AppLink href={href(to, subject)}>{children ?? t('back')}</AppLink>
    </Paragraph>
  );
}
