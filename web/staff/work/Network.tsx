/**
 * Who else is involved (issue 5 item 6; R1.5) — who and how to reach them, never what they do — the
 * covenants with partners (item 8; R8.1), and the consultations I was asked for (R4.3).
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { PageTitle } from '../../shared/layout.tsx';
import { AppLink } from '../../shared/router.tsx';
import { Loaded } from '../../shared/states.tsx';
import { Button, Paragraph } from '../../shared/ui.tsx';
import { formatDate, useLabels } from './common.tsx';
import type { Covenant, InvolvementNotice } from './types.ts';
import { Outcome, useResource, useSend } from './ui.tsx';

export function NoticesPage() {
  const { t, lang } = useI18n();
  // Newest first, 25 a page; `before` is where the page starts (the previous page's `next`).
  const [before, setBefore] = useState<string | null>(null);
  const list = useResource<{ notices: InvolvementNotice[]; next: string | null }>(`/api/werkplek/involvement-notices${before ? `?before=${encodeURIComponent(before)}` : ''}`);
  const sent = useSend();
  return (
    <>
      <PageTitle title={t('notices.title')}>{t('notices.title')}</PageTitle>
      <Paragraph lead>{t('notices.intro')}</Paragraph>
      <Outcome sent={sent} />
      <Loaded result={list.result}>
        {(d) =>
          d.notices.length === 0 && !before ? (
            <Paragraph>{t('notices.none')}</Paragraph>
          ) : (
            <>
              <ul className="zv-records">
                {d.notices.map((n) => (
                  <li className="zv-record" key={n.id}>
                    <Paragraph>
                      <strong>{n.other.name}</strong> ({n.other.functionTitle}, {n.other.organisation}) — {t('notices.about', { resident: n.residentName ?? t('unknownPerson'), since: formatDate(n.since, lang) })}
                    </Paragraph>
                    <Paragraph>{t('notices.reach', { email: n.other.email ?? '—', phone: n.other.phone ?? '—' })}</Paragraph>
                    <Paragraph>
                      <AppLink href={`/werkplek/huishoudens/${n.householdId}`}>{t('notices.household')}</AppLink>
                    </Paragraph>
                    {!n.seen && (
                      <Button appearance="secondary-action-button" onClick={async () => { await sent.send('POST', `/api/werkplek/involvement-notices/${n.id}/seen`); list.reload(); }}>
                        {t('notices.seen', { name: n.other.name })}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
              {(before || d.next) && (
                <nav className="zv-pager" aria-label={t('notices.pages')}>
                  {before && (
                    <Button appearance="secondary-action-button" onClick={() => setBefore(null)}>
                      {t('notices.newest')}
                    </Button>
                  )}
                  {d.next && (
                    <Button appearance="secondary-action-button" onClick={() => setBefore(d.next)}>
                      {t('notices.older')}
                    </Button>
                  )}
                </nav>
              )}
            </>
          )
        }
      </Loaded>
    </>
  );
}

export function CovenantsPage() {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const list = useResource<{ covenants: Covenant[] }>('/api/covenants');
  return (
    <>
      <PageTitle title={t('covenants.title')}>{t('covenants.title')}</PageTitle>
      <Paragraph lead>{t('covenants.intro')}</Paragraph>
      <Loaded result={list.result}>
        {(d) =>
          d.covenants.length === 0 ? (
            <Paragraph>{t('covenants.none')}</Paragraph>
          ) : (
            <div className="utrecht-table-container zv-table-container" role="region" tabIndex={0} aria-label={t('covenants.title')}>
              <table className="utrecht-table utrecht-table--html-table">
                <caption className="utrecht-table__caption zv-visually-hidden">{t('covenants.title')}</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    {['organisation', 'categories', 'purposes', 'basis', 'period', 'status'].map((c) => (
                      <th key={c} scope="col" className="utrecht-table__header-cell">
                        {t(`covenants.col.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {d.covenants.map((c) => (
                    <tr className="utrecht-table__row" key={c.id}>
                      <td className="utrecht-table__cell">
                        {c.organisation.name}
                        <br />
                        <span className="zv-code">{c.title}</span>
                      </td>
                      <td className="utrecht-table__cell">{labels.categories(c.categories)}</td>
                      <td className="utrecht-table__cell">{c.purposes.map(labels.task).join(', ')}</td>
                      <td className="utrecht-table__cell">{c.legalBasis}</td>
                      <td className="utrecht-table__cell">
                        {formatDate(c.validFrom, lang)} – {c.validUntil ? formatDate(c.validUntil, lang) : t('covenants.open')}
                      </td>
                      <td className="utrecht-table__cell">{c.inForce ? t('covenants.inForce') : t(`covenants.status.${c.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <Paragraph>{t('covenants.changes')}</Paragraph>
    </>
  );
}

export function ConsultationsPage() {
  const { t, lang } = useI18n();
  const list = useResource<{ consultations: Array<{ id: string; ground: string; status: string; consultedAt: string; adviceGiven: boolean }> }>('/api/werkplek/consultations');
  return (
    <>
      <PageTitle title={t('consultations.title')}>{t('consultations.title')}</PageTitle>
      <Paragraph lead>{t('consultations.intro')}</Paragraph>
      <Loaded result={list.result}>
        {(d) =>
          d.consultations.length === 0 ? (
            <Paragraph>{t('consultations.none')}</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list">
              {d.consultations.map((c) => (
                <li className="utrecht-unordered-list__item" key={c.id}>
                  <AppLink href={`/werkplek/consultaties/${c.id}`}>{t('consultations.item', { ground: t(`ground.${c.ground}`), date: formatDate(c.consultedAt, lang) })}</AppLink> — {c.adviceGiven ? t('consultations.answered') : t('consultations.open')}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
