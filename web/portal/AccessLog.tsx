/**
 * Who viewed my data (R5.3): per period, newest first, a page at a time, with CSV and JSON export.
 * Names of staff appear when the municipality shows them (ACCESS_LOG_SHOW_NAMES); otherwise function
 * and organisation. Looking here is itself logged.
 */
import { useState, type FormEvent } from 'react';
import { useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink, navigate, useLocation } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Button, FormLabel, Heading2, Paragraph, Textbox } from '../shared/ui.tsx';
import { api, BackLink, ErrorAlert, formatDateTime, href, label, useSubject, type Label } from './common.tsx';

interface Entry {
  id: number;
  at: string;
  actor: { kind: 'professional' | 'subject' | 'representative' | 'system'; name: string | null; functionTitle: string | null; organisation: string | null; isViewer: boolean };
  purpose: { kind: string; helpRequestReference: string | null; task: Label | null; activity: string | null };
  categories: Label[];
}

interface Log {
  subject: { residentId: string; isSelf: boolean };
  period: { from: string; to: string };
  page: number;
  pageSize: number;
  total: number;
  totalCapped: boolean;
  showsNames: boolean;
  entries: Entry[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function AccessLog() {
  const { t, lang } = useI18n();
  const subject = useSubject();
  const { query } = useLocation();
  const from = ISO_DAY.test(query.get('van') ?? '') ? query.get('van')! : undefined;
  const to = ISO_DAY.test(query.get('tot') ?? '') ? query.get('tot')! : undefined;
  const page = /^[1-9]\d{0,4}$/.test(query.get('pagina') ?? '') ? query.get('pagina')! : '1';
  const result = useApi<Log>(api('/api/mijn/access-log', subject, { from, to, page, pageSize: '25' }));
  const [form, setForm] = useState({ from: from ?? '', to: to ?? '' });
  const link = (p: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(p)) if (v) params.set(k, v);
    return href(`/mijn/wie-bekeek${params.size ? `?${params}` : ''}`, subject);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(link({ van: form.from || undefined, tot: form.to || undefined }));
  };
  const who = (e: Entry) => {
    const a = e.actor;
    if (a.kind === 'professional') return a.name ?? t('staff');
    if (a.kind === 'subject') return a.isViewer ? t('you') : t('thePerson');
    if (a.kind === 'representative') return a.isViewer ? t('youAsRep') : `${t('representative')}${a.name ? ` ${a.name}` : ''}`;
    return t('system');
  };
  const why = (e: Entry) => {
    const p = e.purpose;
    if (p.kind === 'help_request') return [p.helpRequestReference, label(p.task, lang)].filter(Boolean).join(' — ');
    if (p.kind === 'portal') return t('purposePortal');
    if (p.kind === 'oversight') return t('purposeOversight');
    return p.activity ?? t('purposeSystem');
  };
  return (
    <>
      <PageTitle title={t('logTitle')}>{t('logTitle')}</PageTitle>
      <Paragraph lead>{t('logIntro')}</Paragraph>
      <form className="zv-period" onSubmit={submit} aria-label={t('periodLegend')}>
        <fieldset className="utrecht-form-fieldset zv-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('periodLegend')}</legend>
          <div className="zv-period__fields">
            <div className="utrecht-form-field">
              <div className="utrecht-form-field__label">
                <FormLabel htmlFor="van">{t('from')}</FormLabel>
              </div>
              <div className="utrecht-form-field__input">
                <Textbox id="van" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
              </div>
            </div>
            <div className="utrecht-form-field">
              <div className="utrecht-form-field__label">
                <FormLabel htmlFor="tot">{t('to')}</FormLabel>
              </div>
              <div className="utrecht-form-field__input">
                <Textbox id="tot" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
              </div>
            </div>
            <Button type="submit" appearance="secondary-action-button">
              {t('show')}
            </Button>
          </div>
        </fieldset>
      </form>
      {result.state === 'error' && result.code === 'PERIOD.INVALID' ? (
        <ErrorAlert message={t('error.PERIOD.INVALID')} />
      ) : (
        <Loaded result={result}>
          {(log) => {
            const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
            return (
              <section aria-labelledby="lijst">
                <Heading2 id="lijst" className="zv-visually-hidden">
                  {t('logTitle')}
                </Heading2>
                <Paragraph>{log.showsNames ? t('logNames') : t('logNoNames')}</Paragraph>
                <Paragraph role="status">{t(log.totalCapped ? 'logCountMore' : 'logCount', { total: String(log.total), page: String(log.page), pages: String(pages) })}</Paragraph>
                {log.entries.length === 0 ? (
                  <Paragraph>{t('logEmpty')}</Paragraph>
                ) : (
                  <div className="utrecht-table-container zv-table-container" role="region" tabIndex={0} aria-label={t('logTitle')}>
                    <table className="utrecht-table utrecht-table--html-table zv-log">
                      <caption className="utrecht-table__caption zv-visually-hidden">{t('logTitle')}</caption>
                      <thead className="utrecht-table__header">
                        <tr className="utrecht-table__row">
                          {[t('when'), t('who'), t('why'), t('what')].map((h) => (
                            <th key={h} scope="col" className="utrecht-table__header-cell">
                              {h}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody className="utrecht-table__body">
                        {log.entries.map((e) => (
                          <tr className="utrecht-table__row" key={e.id}>
                            <td className="utrecht-table__cell">{formatDateTime(e.at, lang)}</td>
                            <td className="utrecht-table__cell">
                              {who(e)}
                              {e.actor.kind === 'professional' && (e.actor.functionTitle || e.actor.organisation) && (
                                <span className="zv-sub">{[e.actor.functionTitle, e.actor.organisation].filter(Boolean).join(', ')}</span>
                              )}
                            </td>
                            <td className="utrecht-table__cell">{why(e)}</td>
                            <td className="utrecht-table__cell">{e.categories.map((c) => label(c, lang)).join(', ') || '—'}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {pages > 1 && (
                  <nav className="zv-pager" aria-label={t('logTitle')}>
                    {log.page > 1 && <AppLink href={link({ van: from, tot: to, pagina: String(log.page - 1) })}>{t('previous')}</AppLink>}
                    {log.page < pages && <AppLink href={link({ van: from, tot: to, pagina: String(log.page + 1) })}>{t('next')}</AppLink>}
                  </nav>
                )}
                <ul className="utrecht-unordered-list">
                  <li className="utrecht-unordered-list__item">
                    <a className="utrecht-link" href={api('/api/mijn/access-log/export', subject, { from: log.period.from, to: log.period.to, format: 'csv' })} download>
                      {t('exportCsv')}
                    </a>
                  </li>
                  <li className="utrecht-unordered-list__item">
                    <a className="utrecht-link" href={api('/api/mijn/access-log/export', subject, { from: log.period.from, to: log.period.to, format: 'json' })} download>
                      {t('exportJson')}
                    </a>
                  </li>
                </ul>
              </section>
            );
          }}
        </Loaded>
      )}
      <BackLink />
    </>
  );
}
