/**
 * The residents' portal (/mijn): "Mijn gegevens" for the signed-in resident, and the rights-and-duties
 * page (/mijn/rechten), which is open to everybody. Issue 6 fills the overview (my file, who viewed
 * my data, consents, complaints); until then the page says so.
 */
import { useApi, type Me } from '../shared/api.ts';
import { DataView } from '../shared/data-view.tsx';
import { I18nProvider, SHARED, useI18n } from '../shared/i18n.tsx';
import { Page, PageTitle } from '../shared/layout.tsx';
import { AppLink, useLocation } from '../shared/router.tsx';
import { useSession } from '../shared/session.ts';
import { Loaded } from '../shared/states.tsx';
import { Paragraph, SpotlightSection } from '../shared/ui.tsx';
import { Rights } from './Rights.tsx';
import { PORTAL } from './strings.ts';

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

function Portal({ me, path, onLanguage }: { me: Me | null | undefined; path: string; onLanguage: ReturnType<typeof useSession>['setLang'] }) {
  const { t } = useI18n();
  const nav = me ? (
    <>
      <AppLink href="/mijn" aria-current={path === '/mijn' ? 'page' : undefined}>
        {t('navHome')}
      </AppLink>
      <AppLink href="/mijn/rechten" aria-current={path === '/mijn/rechten' ? 'page' : undefined}>
        {t('navRights')}
      </AppLink>
    </>
  ) : undefined;
  let view;
  if (path === '/mijn/rechten') view = <Rights signedIn={Boolean(me)} />;
  else if (me === undefined) view = <Paragraph role="status">{t('loading')}</Paragraph>;
  else if (me === null) view = null; // being sent to sign-in
  else if (path === '/mijn') view = <Home me={me} />;
  else view = <NotFound />;
  return (
    <Page appName={t('appName')} homeHref={me ? '/mijn' : '/'} user={me?.actor ?? null} onLanguage={onLanguage} nav={nav}>
      {view}
    </Page>
  );
}

function Home({ me }: { me: Me }) {
  const { t } = useI18n();
  const overview = useApi<unknown>('/api/mijn/overview');
  return (
    <>
      <PageTitle title={t('homeTitle')}>{t('homeTitle')}</PageTitle>
      <Paragraph lead>{t('welcome', { name: me.actor.displayName })}</Paragraph>
      <Paragraph>{t('homeIntro')}</Paragraph>
      <Loaded result={overview}>{(data) => <DataView value={data} />}</Loaded>
      <SpotlightSection>
        <Paragraph>
          {t('rightsTeaser')} <AppLink href="/mijn/rechten">{t('rightsTeaserLink')}</AppLink>
        </Paragraph>
      </SpotlightSection>
    </>
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
