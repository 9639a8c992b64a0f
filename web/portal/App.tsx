/**
 * The residents' portal (/mijn): rights first, my file, who viewed my data, consents and signals, AVG
 * requests and complaints — for the resident, or as parent or representative for a person they act for
 * (?voor=). The rights-and-duties page (/mijn/rechten) is open to everybody.
 */
import type { Me } from '../shared/api.ts';
import { I18nProvider, SHARED, useI18n } from '../shared/i18n.tsx';
import { Page, PageTitle } from '../shared/layout.tsx';
import { AppLink, match, useLocation } from '../shared/router.tsx';
import { useSession } from '../shared/session.ts';
import { Paragraph } from '../shared/ui.tsx';
import { AccessLog } from './AccessLog.tsx';
import { ComplaintDetail, Complaints, NewComplaint } from './Complaints.tsx';
import { Consents } from './Consents.tsx';
import { Home } from './Home.tsx';
import { MyFile } from './MyFile.tsx';
import { NewRequest, RequestDetail, Requests } from './Requests.tsx';
import { Rights } from './Rights.tsx';
import { PORTAL } from './strings.ts';
import './portal.css';

export function PortalApp() {
  const { path } = useLocation();
  const isRights = path === '/mijn/rechten';
  const session = useSession(!isRights);
  return (
    <I18nProvider lang={session.lang} setLang={session.setLang} dictionaries={{ nl: { ...SHARED.nl, ...PORTAL.nl }, en: { ...SHARED.en, ...PORTAL.en } }}>
      <Portal me={session.me} path={path} onLanguage={session.setLang} />
    </I18nProvider>
  );
}

const NAV: Array<[string, string]> = [
  ['/mijn', 'navHome'],
  ['/mijn/dossier', 'navFile'],
  ['/mijn/wie-bekeek', 'navLog'],
  ['/mijn/toestemmingen', 'navConsents'],
  ['/mijn/verzoeken', 'navRequests'],
  ['/mijn/klachten', 'navComplaints'],
  ['/mijn/rechten', 'navRights'],
];

function section(path: string): string {
  return NAV.map(([p]) => p).filter((p) => p !== '/mijn' && path.startsWith(p))[0] ?? (path === '/mijn' ? '/mijn' : '');
}

function Portal({ me, path, onLanguage }: { me: Me | null | undefined; path: string; onLanguage: ReturnType<typeof useSession>['setLang'] }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const current = section(path);
  const nav = me ? (
    <>
      {NAV.map(([href, key]) => (
        <AppLink key={href} href={href} aria-current={current === href ? 'page' : undefined}>
          {t(key)}
        </AppLink>
      ))}
    </>
  ) : undefined;
  const fresh = query.get('nieuw') === '1';
  let view;
  let params: Record<string, string> | null;
  if (path === '/mijn/rechten') view = <Rights signedIn={Boolean(me)} />;
  else if (me === undefined) view = <Paragraph role="status">{t('loading')}</Paragraph>;
  else if (me === null) view = null; // being sent to sign-in
  else if (path === '/mijn') view = <Home me={me} />;
  else if (path === '/mijn/dossier') view = <MyFile />;
  else if (path === '/mijn/wie-bekeek') view = <AccessLog />;
  else if (path === '/mijn/toestemmingen') view = <Consents />;
  else if (path === '/mijn/verzoeken') view = <Requests />;
  else if (path === '/mijn/verzoeken/nieuw') view = <NewRequest />;
  else if ((params = match('/mijn/verzoeken/:id', path))) view = <RequestDetail id={params['id']!} fresh={fresh} key={params['id']} />;
  else if (path === '/mijn/klachten') view = <Complaints />;
  else if (path === '/mijn/klachten/nieuw') view = <NewComplaint />;
  else if ((params = match('/mijn/klachten/:id', path))) view = <ComplaintDetail id={params['id']!} fresh={fresh} key={params['id']} />;
  else view = <NotFound />;
  return (
    <Page appName={t('appName')} homeHref={me ? '/mijn' : '/'} user={me?.actor ?? null} onLanguage={onLanguage} nav={nav}>
      {view}
    </Page>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle title={t('pageNotFound')}>{t('pageNotFound')}</PageTitle>
      <Paragraph>{t('pageNotFoundText')}</Paragraph>
      <Paragraph>
        <AppLink href="/mijn">{t('back')}</AppLink>
      </Paragraph>
    </>
  );
}
