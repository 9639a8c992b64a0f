/**
 * Shows whatever an endpoint returns, readably: objects as data lists, lists of flat records as
 * tables, lists of rich records as sections. Technical ids are not shown (they serve the links).
 * The views never add data of their own: what the gate withholds simply is not there.
 */
import type { ReactNode } from 'react';
import type { Lang } from './api.ts';
import { fieldLabel, valueLabel } from './fields.ts';
import { useI18n } from './i18n.tsx';
import { AppLink } from './router.tsx';
import { Heading2, Heading3, Paragraph } from './ui.tsx';

/** Where a record leads to, if anywhere: (the list it is in, the record) → href. */
export type Linker = (context: string, record: Record<string, unknown>) => string | null;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown) => v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);
const isIdKey = (k: string) => k === 'id' || /Id$/.test(k);

export function shownKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((k) => !isIdKey(k));
}

function formatString(value: string, lang: Lang): string {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00`).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d.toLocaleString(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  return valueLabel(value, lang);
}

export function Value({ value }: { value: unknown }) {
  const { t, lang } = useI18n();
  if (value === null || value === undefined || value === '') {
    return (
      <span>
        <span aria-hidden="true">—</span>
        <span className="zv-visually-hidden">{t('unknown')}</span>
      </span>
    );
  }
  if (typeof value === 'boolean') return <>{value ? t('yes') : t('no')}</>;
  if (typeof value === 'number') return <>{value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')}</>;
  if (typeof value === 'string') return <>{formatString(value, lang)}</>;
  if (Array.isArray(value) && value.every(isPrimitive)) {
    return value.length === 0 ? <Value value={null} /> : <>{value.map((v) => (typeof v === 'string' ? formatString(v, lang) : String(v))).join(', ')}</>;
  }
  return <DataView value={value} />;
}

/** A record's own name: its reference or name, or that of the person or thing it holds. */
function titleOf(record: Record<string, unknown>, depth = 0): string | null {
  for (const k of ['reference', 'displayName', 'name', 'description', 'task']) {
    if (typeof record[k] === 'string') return record[k] as string;
  }
  if (depth > 1) return null;
  for (const v of Object.values(record)) {
    if (isRecord(v)) {
      const inner = titleOf(v, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}

export function DataList({ record, linker, depth = 0 }: { record: Record<string, unknown>; linker?: Linker; depth?: number }) {
  const { lang } = useI18n();
  const keys = shownKeys(record);
  const flat = keys.filter((k) => isPrimitive(record[k]) || (Array.isArray(record[k]) && (record[k] as unknown[]).every(isPrimitive)));
  const rich = keys.filter((k) => !flat.includes(k));
  return (
    <>
      {flat.length > 0 && (
        <dl className="utrecht-data-list zv-data-list">
          {flat.map((k) => (
            <div className="utrecht-data-list__item" key={k}>
              <dt className="utrecht-data-list__item-key">{fieldLabel(k, lang)}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                <Value value={record[k]} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {rich.map((k) => (
        <Section key={k} title={fieldLabel(k, lang)} depth={depth}>
          <DataView value={record[k]} context={k} linker={linker} depth={depth + 1} />
        </Section>
      ))}
    </>
  );
}

function Section({ title, depth, children }: { title: string; depth: number; children: ReactNode }) {
  return (
    <section className="zv-section">
      {depth === 0 ? <Heading2>{title}</Heading2> : <Heading3>{title}</Heading3>}
      {children}
    </section>
  );
}

/** "Daan ter Horst — Kind": the record's name and, when it has one, its relation, role or status. */
function summaryOf(record: Record<string, unknown>, lang: Lang): string | null {
  const title = titleOf(record);
  const qualifier = ['relation', 'role', 'status'].map((k) => record[k]).find((v): v is string => typeof v === 'string');
  if (!title) return null;
  return qualifier ? `${title} — ${valueLabel(qualifier, lang)}` : title;
}

function RecordTitle({ record, context, linker }: { record: Record<string, unknown>; context: string; linker?: Linker }) {
  const title = titleOf(record);
  const href = linker?.(context, record) ?? null;
  if (!title && !href) return null;
  return <Paragraph className="zv-record-title">{href ? <AppLink href={href}>{title ?? href}</AppLink> : <strong>{title}</strong>}</Paragraph>;
}

export function DataView({ value, context = '', linker, depth = 0 }: { value: unknown; context?: string; linker?: Linker; depth?: number }) {
  const { t, lang } = useI18n();
  if (Array.isArray(value)) {
    if (value.length === 0) return <Paragraph>{t('empty')}</Paragraph>;
    if (!value.every(isRecord)) return <Value value={value} />;
    const rows = value as Array<Record<string, unknown>>;
    const columns = [...new Set(rows.flatMap(shownKeys))];
    const tabular = rows.every((r) => shownKeys(r).every((k) => isPrimitive(r[k]) || (Array.isArray(r[k]) && (r[k] as unknown[]).every(isPrimitive))));
    if (tabular) {
      // The container scrolls sideways on small screens: focusable and named so keyboards reach it.
      return (
        <div className="utrecht-table-container zv-table-container" role="region" tabIndex={0} aria-label={fieldLabel(context || 'results', lang)}>
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption zv-visually-hidden">{fieldLabel(context || 'results', lang)}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {columns.map((c) => (
                  <th key={c} scope="col" className="utrecht-table__header-cell">
                    {fieldLabel(c, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((r, i) => {
                const href = linker?.(context, r) ?? null;
                return (
                  <tr className="utrecht-table__row" key={typeof r['id'] === 'string' ? r['id'] : i}>
                    {columns.map((c, j) => (
                      <td key={c} className="utrecht-table__cell">
                        {j === 0 && href ? (
                          <AppLink href={href}>
                            <Value value={r[c]} />
                          </AppLink>
                        ) : (
                          <Value value={r[c]} />
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      );
    }
    if (depth > 0) {
      // Records inside a record (the members of a household): a summary line that opens on request.
      return (
        <ul className="zv-records">
          {rows.map((r, i) => (
            <li className="zv-record zv-record--compact" key={typeof r['id'] === 'string' ? r['id'] : i}>
              <details>
                <summary>{summaryOf(r, lang) ?? `${fieldLabel(context, lang)} ${i + 1}`}</summary>
                <DataList record={r} linker={linker} depth={depth} />
              </details>
            </li>
          ))}
        </ul>
      );
    }
    return (
      <ul className="zv-records">
        {rows.map((r, i) => (
          <li className="zv-record" key={typeof r['id'] === 'string' ? r['id'] : i}>
            <RecordTitle record={r} context={context} linker={linker} />
            <DataList record={r} linker={linker} depth={depth} />
          </li>
        ))}
      </ul>
    );
  }
  if (isRecord(value)) return <DataList record={value} linker={linker} depth={depth} />;
  return <Value value={value} />;
}

/** The list inside a response: the response itself, or its first list-valued field. */
export function listIn(data: unknown): { key: string; items: unknown[] } | null {
  if (Array.isArray(data)) return { key: '', items: data };
  if (isRecord(data)) {
    for (const [k, v] of Object.entries(data)) if (Array.isArray(v)) return { key: k, items: v };
  }
  return null;
}
