/**
 * My file (R5.2): help requests, the household's plan, the data about me per category with source and
 * purpose, and what is withheld (where saying so is allowed). Parents switch to a child's file (?voor=).
 */
import { useApi } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink } from '../shared/router.tsx';
import { Loaded } from '../shared/states.tsx';
import { Alert, Heading2, Heading3, Paragraph } from '../shared/ui.tsx';
import { api, BackLink, Facts, formatDate, href, label, useIdParam, useSubject, type Label } from './common.tsx';

interface FileItem {
  id: string;
  category: Label;
  value: string;
  source: Label;
  recordedAt: string;
  purpose: { reference: string; task: Label };
  legalBasis: string;
  retention: Label | null;
  recordedBy: string | null;
}

export interface MyFileData {
  subject: { residentId: string; isSelf: boolean; displayName: string | null };
  me: {
    identity?: { displayName: string; birthDate: string };
    address?: { street: string | null; houseNumber: number | null; houseLetter: string | null; houseNumberAddition: string | null; postcode: string | null; city: string | null };
    contact?: { phone: string | null; email: string | null };
    bsnMasked: string | null;
  };
  represents: Array<{ residentId: string; displayName: string; ageBand: string }>;
  helpRequests: Array<{ id: string; reference: string; task: Label; status: string; registeredAt: string; summary: string | null }>;
  plans: Array<{
    id: string;
    director: { displayName: string } | null;
    goals: Array<{ lifeDomain: string; score: number | null; targetScore: number | null; description: string }>;
    partners: Array<{ organisation: string; description: string; since: string; dataCategories: Label[] }>;
  }>;
  categories: Array<{ category: Label; items: FileItem[] }>;
  itemsNext: string | null;
  withheld: Array<{ reason: Label; categories: Label[]; records: number; since: string; reviewOn: string }>;
}

/** Switch between the resident's own file and the files of the people they represent. */
export function SubjectSwitch({ path, represents, current }: { path: string; represents: MyFileData['represents']; current: string | null }) {
  const { t } = useI18n();
  if (represents.length === 0) return null;
  const band = (b: string) => (b === 'under_12' ? t('ageUnder12') : b === '12_to_15' ? t('age12to15') : t('ageAdult'));
  return (
    <nav className="zv-subjects" aria-label={t('forWhom')}>
      <Paragraph>{t('forWhom')}:</Paragraph>
      <ul className="utrecht-unordered-list zv-inline-list">
        <li className="utrecht-unordered-list__item">
          <AppLink href={path} aria-current={current === null ? 'true' : undefined}>
            {t('yourself')}
          </AppLink>
        </li>
        {represents.map((p) => (
          <li className="utrecht-unordered-list__item" key={p.residentId}>
            <AppLink href={href(path, p.residentId)} aria-current={current === p.residentId ? 'true' : undefined}>
              {p.displayName} ({band(p.ageBand)})
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function addressText(a: NonNullable<MyFileData['me']['address']>): string {
  const street = [a.street, a.houseNumber, a.houseLetter, a.houseNumberAddition].filter((v) => v !== null && v !== '').join(' ');
  return [street, [a.postcode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export function Downloads({ subject }: { subject: string | null }) {
  const { t } = useI18n();
  return (
    <section className="zv-section" aria-labelledby="downloaden">
      <Heading2 id="downloaden">{t('downloadTitle')}</Heading2>
      <Paragraph>{t('downloadIntro')}</Paragraph>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          <a className="utrecht-link" href={api('/api/mijn/export', subject, { format: 'pdf' })} download>
            {t('downloadPdf')}
          </a>
        </li>
        <li className="utrecht-unordered-list__item">
          <a className="utrecht-link" href={api('/api/mijn/export', subject, { format: 'json' })} download>
            {t('downloadJson')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** Data items per page of my file (the API's default). */
const ITEMS_PAGE = 50;

export function MyFile() {
  const { t, lang } = useI18n();
  const subject = useSubject();
  // A page of data items at a time, newest first (`gegevensNa`: the item the page starts after).
  const after = useIdParam('gegevensNa');
  const result = useApi<MyFileData>(api('/api/mijn/file', subject, { itemsAfter: after ?? undefined }));
  return (
    <>
      <PageTitle title={t('fileTitle')}>{t('fileTitle')}</PageTitle>
      <Paragraph lead>{t('fileIntro')}</Paragraph>
      <Loaded result={result}>
        {(f) => (
          <>
            <SubjectSwitch path="/mijn/dossier" represents={f.represents} current={subject} />
            {!f.subject.isSelf && (
              <div className="zv-notice">
                <Alert type="info">
                  <Paragraph>{t('asRepresentative', { name: f.subject.displayName ?? '' })}</Paragraph>
                </Alert>
              </div>
            )}
            <section className="zv-section" aria-labelledby="over">
              <Heading2 id="over">{t('aboutYou')}</Heading2>
              <Facts
                items={[
                  ...(f.me.identity ? ([[t('name'), f.me.identity.displayName], [t('birthDate'), formatDate(f.me.identity.birthDate, lang)]] as Array<[string, string]>) : []),
                  ...(f.me.address ? ([[t('address'), addressText(f.me.address)]] as Array<[string, string]>) : []),
                  ...(f.me.contact ? ([[t('contact'), [f.me.contact.phone, f.me.contact.email].filter(Boolean).join(', ') || '—']] as Array<[string, string]>) : []),
                  ...(f.me.bsnMasked ? ([[t('bsn'), f.me.bsnMasked]] as Array<[string, string]>) : []),
                ]}
              />
            </section>
            {f.withheld.length > 0 && (
              <section className="zv-section" aria-labelledby="niet-getoond">
                <Alert type="warning">
                  <Heading2 id="niet-getoond">{t('withheldTitle')}</Heading2>
                  <Paragraph>{t('withheldIntro')}</Paragraph>
                  <ul className="utrecht-unordered-list">
                    {f.withheld.map((w, i) => (
                      <li className="utrecht-unordered-list__item" key={i}>
                        {t('withheldItem', { reason: label(w.reason, lang), since: formatDate(w.since, lang), review: formatDate(w.reviewOn, lang) })}{' '}
                        {w.categories.length > 0 ? t('withheldCategories', { categories: w.categories.map((c) => label(c, lang)).join(', ') }) : t('withheldRecords', { n: String(w.records) })}
                      </li>
                    ))}
                  </ul>
                </Alert>
              </section>
            )}
            <section className="zv-section" aria-labelledby="hulpvragen">
              <Heading2 id="hulpvragen">{t('helpRequests')}</Heading2>
              {f.helpRequests.length === 0 ? (
                <Paragraph>{t('empty')}</Paragraph>
              ) : (
                <div className="utrecht-table-container zv-table-container" role="region" tabIndex={0} aria-labelledby="hulpvragen">
                  <table className="utrecht-table utrecht-table--html-table">
                    <thead className="utrecht-table__header">
                      <tr className="utrecht-table__row">
                        {[t('reference'), t('task'), t('status'), t('registeredAt')].map((h) => (
                          <th key={h} scope="col" className="utrecht-table__header-cell">
                            {h}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="utrecht-table__body">
                      {f.helpRequests.map((h) => (
                        <tr className="utrecht-table__row" key={h.id}>
                          <td className="utrecht-table__cell">{h.reference}</td>
                          <td className="utrecht-table__cell">{label(h.task, lang)}</td>
                          <td className="utrecht-table__cell">{t(`status.${h.status}`) === `status.${h.status}` ? h.status : t(`status.${h.status}`)}</td>
                          <td className="utrecht-table__cell">{formatDate(h.registeredAt, lang)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            {f.plans.map((p) => (
              <section className="zv-section" aria-labelledby={`plan-${p.id}`} key={p.id}>
                <Heading2 id={`plan-${p.id}`}>{t('plan')}</Heading2>
                {p.director && <Facts items={[[t('director'), p.director.displayName]]} />}
                <Heading3>{t('goals')}</Heading3>
                <ul className="utrecht-unordered-list">
                  {p.goals.map((g) => (
                    <li className="utrecht-unordered-list__item" key={g.lifeDomain}>
                      {g.description}
                    </li>
                  ))}
                </ul>
                {p.partners.length > 0 && (
                  <>
                    <Heading3>{t('partners')}</Heading3>
                    <ul className="utrecht-unordered-list">
                      {p.partners.map((s, i) => (
                        <li className="utrecht-unordered-list__item" key={i}>
                          <strong>{s.organisation}</strong>: {s.description}. {t('partnerSees', { categories: s.dataCategories.map((c) => label(c, lang)).join(', ') })}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            ))}
            <section className="zv-section" aria-labelledby="gegevens">
              <Heading2 id="gegevens">{t('dataPerCategory')}</Heading2>
              {f.categories.length === 0 && !after && <Paragraph>{t('noData')}</Paragraph>}
              {(after || f.itemsNext) && <Paragraph>{t('dataNewestFirst', { n: String(ITEMS_PAGE) })}</Paragraph>}
              {f.categories.map((c) => (
                <section className="zv-category" key={c.category.code} aria-labelledby={`soort-${c.category.code}`}>
                  <Heading3 id={`soort-${c.category.code}`}>{label(c.category, lang)}</Heading3>
                  <ul className="zv-records">
                    {c.items.map((i) => (
                      <li className="zv-record" key={i.id}>
                        <Paragraph className="zv-value">{i.value}</Paragraph>
                        <Facts
                          items={[
                            [t('source'), label(i.source, lang)],
                            [t('purpose'), `${i.purpose.reference} — ${label(i.purpose.task, lang)}`],
                            [t('recordedAt'), formatDate(i.recordedAt, lang)],
                            ...(i.recordedBy ? ([[t('recordedBy'), i.recordedBy]] as Array<[string, string]>) : []),
                            ...(i.retention ? ([[t('retention'), label(i.retention, lang)]] as Array<[string, string]>) : []),
                          ]}
                        />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
              {(after || f.itemsNext) && (
                <nav className="zv-pager" aria-label={t('itemsPages')}>
                  {after && <AppLink href={href('/mijn/dossier', subject)}>{t('itemsFirst')}</AppLink>}
                  {f.itemsNext && <AppLink href={href(`/mijn/dossier?gegevensNa=${encodeURIComponent(f.itemsNext)}`, subject)}>{t('itemsNext')}</AppLink>}
                </nav>
              )}
            </section>
            <Downloads subject={subject} />
          </>
        )}
      </Loaded>
      <BackLink />
    </>
  );
}
