/**
 * The professionals' workspace (/werkplek). It shows what the API returns for this professional; the
 * gate decides what that is (issue 3). Later issues fill the household and case views.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useApi, type Me } from '../shared/api.ts';
import { DataView, listIn, type Linker } from '../shared/data-view.tsx';
import { I18nProvider, SHARED, useI18n } from '../shared/i18n.tsx';
import { Page, PageTitle } from '../shared/layout.tsx';
import { AppLink, match, navigate, useLocation } from '../shared/router.tsx';
import { useSession } from '../shared/session.ts';
import { Loaded } from '../shared/states.tsx';
import { Alert, Button, FormField, FormLabel, Paragraph, Textbox } from '../shared/ui.tsx';
import { STAFF } from './strings.ts';
import { RequestsNav, requestsRoute } from './requests/routes.tsx';
import { HelpRequestWorkLink, HouseholdPlanLink, WorkNav, workRoute } from './work/routes.tsx';
import { WORK } from './work/strings.ts';

/** Roles with a task outside the caseload: the console (/toezicht) or a queue in this workspace. */
const CONSOLE_ROLES = ['privacy_officer', 'complaints_commissioner', 'functional_admin', 'archivist'];
/** The roles the console at /toezicht is for (src/core/accountability/capabilities.ts). */
const TOEZICHT_ROLES = ['privacy_officer', 'functional_admin', 'archivist'];

export function StaffApp() {
  const session = useSession(true);
  return (
    <I18nProvider lang={session.lang} setLang={session.setLang} dictionaries={{ nl: { ...SHARED.nl, ...STAFF.nl, ...WORK.nl }, en: { ...SHARED.en, ...STAFF.en, ...WORK.en } }}>
      {session.me ? <Workspace me={session.me} onLanguage={session.setLang} /> : <Booting />}
    </I18nProvider>
  );
}

function Booting() {
  const { t } = useI18n();
  return (
    <Paragraph role="status" className="zv-container zv-loading">
      {t('loading')}
    </Paragraph>
  );
}

/** Where a record in a list leads: households and help requests have their own view. */
export const staffLinker: Linker = (context, r) => {
  const id = typeof r['id'] === 'string' ? r['id'] : null;
  const kind = String(r['kind'] ?? r['type'] ?? '');
  if (typeof r['householdId'] === 'string' && !/help/i.test(kind)) return `/werkplek/huishoudens/${encodeURIComponent(r['householdId'])}`;
  if (!id) return null;
  if (context === 'helpRequests' || /help/i.test(kind)) return `/werkplek/hulpvragen/${encodeURIComponent(id)}`;
  if (context === 'households' || /household/i.test(kind)) return `/werkplek/huishoudens/${encodeURIComponent(id)}`;
  return null;
};

function Workspace({ me, onLanguage }: { me: Me; onLanguage: ReturnType<typeof useSession>['setLang'] }) {
  const { t } = useI18n();
  const { path, query } = useLocation();
  let view;
  let params: Record<string, string> | null;
  const work = workRoute(path, query);
  if (work) view = work;
  else if (path === '/werkplek') view = <Home me={me} after={query.get('na')} key={query.get('na') ?? ''} />;
  else if (path === '/werkplek/zoeken') view = <SearchPage q={query.get('q') ?? ''} />;
  else if ((params = match('/werkplek/huishoudens/:id', path))) view = <Household id={params['id']!} itemsAfter={query.get('gegevensNa')} key={query.get('gegevensNa') ?? ''} />;
  else if ((params = match('/werkplek/hulpvragen/:id', path))) view = <HelpRequest id={params['id']!} itemsAfter={query.get('gegevensNa')} key={query.get('gegevensNa') ?? ''} />;
  else view = requestsRoute(path, query, me) ?? <NotFound />;
  const nav = (
    <>
      <AppLink href="/werkplek" aria-current={path === '/werkplek' ? 'page' : undefined}>
        {t('navHome')}
      </AppLink>
      <AppLink href="/werkplek/zoeken" aria-current={path === '/werkplek/zoeken' ? 'page' : undefined}>
        {t('navSearch')}
      </AppLink>
      <RequestsNav path={path} me={me} />
      <WorkNav path={path} />
    </>
  );
  return (
    <Page appName={t('appName')} homeHref="/werkplek" user={me.actor} onLanguage={onLanguage} nav={nav}>
      {view}
    </Page>
  );
}

function SearchForm({ initial }: { initial: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const term = q.trim();
    navigate(term.length >= 2 ? `/werkplek/zoeken?q=${encodeURIComponent(term)}` : '/werkplek/zoeken');
  };
  return (
    <form role="search" className="zv-search" onSubmit={submit}>
      <FormField type="text">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor="zoekterm">{t('searchLabel')}</FormLabel>
        </div>
        <div className="utrecht-form-field-description" id="zoekterm-uitleg">
          {t('searchHint')}
        </div>
        <div className="utrecht-form-field__input">
          <Textbox id="zoekterm" name="q" type="search" minLength={2} value={q} onChange={(e) => setQ(e.target.value)} aria-describedby="zoekterm-uitleg" autoComplete="off" maxLength={100} />
        </div>
      </FormField>
      <Button type="submit" appearance="primary-action-button">
        {t('searchButton')}
      </Button>
    </form>
  );
}

interface CaseloadPage {
  households: unknown[];
  total: number;
  next: string | null;
}

function Home({ me, after }: { me: Me; after: string | null }) {
  const { t } = useI18n();
  // A page of 25 households at a time; `na` (after) is the reference the page starts after.
  const result = useApi<CaseloadPage>(after ? `/api/werkplek/households?after=${encodeURIComponent(after)}` : '/api/werkplek/households');
  const consoleRoles = me.actor.roles.filter((r) => CONSOLE_ROLES.includes(r));
  return (
    <>
      <PageTitle title={t('homeTitle')}>{t('homeTitle')}</PageTitle>
      <Paragraph lead>{t('homeIntro')}</Paragraph>
      {consoleRoles.length > 0 && (
        <div className="zv-notice">
          <Alert type="info">
            <Paragraph>{t('roleWork', { roles: consoleRoles.map((r) => t(`role.${r}`)).join(', ') })}</Paragraph>
            {consoleRoles.some((r) => TOEZICHT_ROLES.includes(r)) && (
              <Paragraph>
                <a className="utrecht-link" href="/toezicht">
                  {t('toConsole')}
                </a>
              </Paragraph>
            )}
          </Alert>
        </div>
      )}
      <SearchForm initial="" />
      <Loaded result={result}>
        {(data) => {
          if (data.households.length === 0 && !after) return <Paragraph>{t('listEmpty')}</Paragraph>;
          return (
            <>
              <Paragraph>{t('caseloadCount', { shown: String(data.households.length), total: String(data.total) })}</Paragraph>
              <DataView value={data.households} context="households" linker={staffLinker} />
              {(after || data.next) && (
                <nav className="zv-pager" aria-label={t('caseloadPages')}>
                  {after && <AppLink href="/werkplek">{t('caseloadFirst')}</AppLink>}
                  {data.next && <AppLink href={`/werkplek?na=${encodeURIComponent(data.next)}`}>{t('caseloadNext')}</AppLink>}
                </nav>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function SearchPage({ q }: { q: string }) {
  const { t } = useI18n();
  const valid = q.trim().length >= 2;
  const result = useApi<unknown>(valid ? `/api/search?q=${encodeURIComponent(q.trim())}` : null);
  return (
    <>
      <PageTitle title={t('searchTitle')}>{t('searchTitle')}</PageTitle>
      <SearchForm initial={q} key={q} />
      {!valid ? (
        <Paragraph>{t('searchNone')}</Paragraph>
      ) : (
        <section aria-live="polite" aria-label={t('searchResultsFor', { q })}>
          <Loaded result={result}>
            {(data) => {
              const list = listIn(data);
              if (list && list.items.length === 0) return <Paragraph>{t('searchEmpty', { q })}</Paragraph>;
              return <DataView value={list ? list.items : data} context={list?.key || 'results'} linker={staffLinker} />;
            }}
          </Loaded>
        </section>
      )}
    </>
  );
}

function referenceOf(data: unknown): string | null {
  const ref = (data as { reference?: unknown } | null)?.reference;
  return typeof ref === 'string' ? ref : null;
}

/**
 * A household's or help request's data items come a page at a time (50, newest first; issue 8): the
 * page after the item `gegevensNa` names, with links to the first and the next page.
 */
function withItemsPage(api: string, itemsAfter: string | null): string {
  return itemsAfter ? `${api}?itemsAfter=${encodeURIComponent(itemsAfter)}` : api;
}

/**
 * One household (all my purposes) or one help request (that purpose): the view, and below it the links
 * to the first and the next page of its data items.
 */
function HouseholdPage({ api, base, title: [titleKey, titleRefKey], link, itemsAfter }: { api: string; base: string; title: [string, string]; link: ReactNode; itemsAfter: string | null }) {
  const { t } = useI18n();
  const result = useApi<unknown>(withItemsPage(api, itemsAfter));
  const ref = result.state === 'ok' ? referenceOf(result.data) : null;
  const title = ref ? t(titleRefKey, { ref }) : t(titleKey);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <Paragraph>{link}</Paragraph>
      <Loaded result={result}>
        {(data) => {
          const { dataItemsNext: next, ...view } = (data ?? {}) as Record<string, unknown>;
          return (
            <>
              <DataView value={view} linker={staffLinker} />
              {(itemsAfter || typeof next === 'string') && (
                <nav className="zv-pager" aria-label={t('itemsPages')}>
                  {itemsAfter && <AppLink href={base}>{t('itemsFirst')}</AppLink>}
                  {typeof next === 'string' && <AppLink href={`${base}?gegevensNa=${encodeURIComponent(next)}`}>{t('itemsNext')}</AppLink>}
                </nav>
              )}
            </>
          );
        }}
      </Loaded>
      <Paragraph>
        <AppLink href="/werkplek">{t('back')}</AppLink>
      </Paragraph>
    </>
  );
}

function Household({ id, itemsAfter }: { id: string; itemsAfter: string | null }) {
  const key = encodeURIComponent(id);
  return <HouseholdPage api={`/api/households/${key}`} base={`/werkplek/huishoudens/${key}`} title={['householdTitle', 'householdTitleRef']} link={<HouseholdPlanLink id={id} />} itemsAfter={itemsAfter} />;
}

function HelpRequest({ id, itemsAfter }: { id: string; itemsAfter: string | null }) {
  const key = encodeURIComponent(id);
  return <HouseholdPage api={`/api/help-requests/${key}`} base={`/werkplek/hulpvragen/${key}`} title={['helpRequestTitle', 'helpRequestTitleRef']} link={<HelpRequestWorkLink id={id} />} itemsAfter={itemsAfter} />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('pageNotFound')}>{t('pageNotFound')}</PageTitle>
      <Paragraph>{t('pageNotFoundText')}</Paragraph>
      <Paragraph>
        <AppLink href="/werkplek">{t('back')}</AppLink>
      </Paragraph>
    </>
  );
}
