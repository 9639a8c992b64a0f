/**
 * The privacy officer's console (/toezicht; issue 7): the register of processing activities, rules and
 * covenants with four eyes, log review, access reviews, retention, the council report — and the training
 * sandbox (/toezicht/oefenen), open to every professional. What each person sees follows their
 * capabilities (GET /api/console/me); the server decides again on every request.
 */
import { useEffect, useState } from 'react';
import { ApiError, apiGet, type Me } from '../shared/api.ts';
import { I18nProvider, SHARED, useI18n } from '../shared/i18n.tsx';
import { Page, PageTitle } from '../shared/layout.tsx';
import { AppLink, match, useLocation } from '../shared/router.tsx';
import { useSession } from '../shared/session.ts';
import { Paragraph } from '../shared/ui.tsx';
import { Overview } from './Overview.tsx';
import { RegisterDetail, RegisterList } from './Register.tsx';
import { Covenants, ProposalDetail, Rules } from './Rules.tsx';
import { LogReview } from './LogReview.tsx';
import { ReviewDetail, Reviews } from './Reviews.tsx';
import { Retention, RetentionRunDetail } from './Retention.tsx';
import { CouncilReport } from './Report.tsx';
import { Training } from './Training.tsx';
import { CONSOLE } from './strings.ts';

export interface Caps {
  roles: string[];
  capabilities: string[];
}

export function ConsoleApp() {
  const session = useSession(true);
  return (
    <I18nProvider lang={session.lang} setLang={session.setLang} dictionaries={{ nl: { ...SHARED.nl, ...CONSOLE.nl }, en: { ...SHARED.en, ...CONSOLE.en } }}>
      {session.me ? <Console me={session.me} onLanguage={session.setLang} /> : <Booting />}
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

/** The console capabilities of the signed-in person; none for a professional who only trains here. */
function useCaps(): Caps | null {
  const [caps, setCaps] = useState<Caps | null>(null);
  useEffect(() => {
    apiGet<Caps>('/api/console/me')
      .then(setCaps)
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 403) setCaps({ roles: [], capabilities: [] });
        else setCaps({ roles: [], capabilities: [] });
      });
  }, []);
  return caps;
}

const NAV: Array<[string, string, string | null]> = [
  ['/toezicht', 'navOverview', null],
  ['/toezicht/register', 'navRegister', 'register.read'],
  ['/toezicht/regels', 'navRules', 'policy.read'],
  ['/toezicht/logboek', 'navLog', 'log.review'],
  ['/toezicht/toegangsreview', 'navReviews', 'access_review.read'],
  ['/toezicht/bewaartermijnen', 'navRetention', 'retention.read'],
  ['/toezicht/raadsrapportage', 'navReport', 'report.council'],
  ['/toezicht/oefenen', 'navTraining', ''],
];

function Console({ me, onLanguage }: { me: Me; onLanguage: ReturnType<typeof useSession>['setLang'] }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const caps = useCaps();
  const may = (c: string) => caps?.capabilities.includes(c) ?? false;
  const staff = (caps?.capabilities.length ?? 0) > 0;
  const items = NAV.filter(([, , cap]) => (cap === '' ? true : cap === null ? staff : may(cap)));
  const current = items.map(([p]) => p).filter((p) => p !== '/toezicht' && path.startsWith(p))[0] ?? (path === '/toezicht' ? '/toezicht' : '');
  const nav = (
    <>
      {items.map(([href, key]) => (
        <AppLink key={href} href={href} aria-current={current === href ? 'page' : undefined}>
          {t(key)}
        </AppLink>
      ))}
    </>
  );
  let view;
  let params: Record<string, string> | null;
  if (!caps) view = <Paragraph role="status" className="zv-loading">{t('loading')}</Paragraph>;
  else if (path === '/toezicht/oefenen') view = <Training />;
  else if (!staff) view = <NotFound />;
  else if (path === '/toezicht') view = <Overview caps={caps} />;
  else if (path === '/toezicht/register') view = <RegisterList caps={caps} />;
  else if ((params = match('/toezicht/register/:code', path))) view = <RegisterDetail code={params['code']!} caps={caps} key={params['code']} />;
  else if (path === '/toezicht/regels') view = <Rules caps={caps} />;
  else if ((params = match('/toezicht/regels/voorstellen/:id', path))) view = <ProposalDetail id={params['id']!} key={params['id']} />;
  else if (path === '/toezicht/regels/convenanten') view = <Covenants caps={caps} />;
  else if (path === '/toezicht/logboek' || path.startsWith('/toezicht/logboek/')) view = <LogReview caps={caps} path={path} />;
  else if (path === '/toezicht/toegangsreview') view = <Reviews />;
  else if ((params = match('/toezicht/toegangsreview/:id', path))) view = <ReviewDetail id={params['id']!} key={params['id']} />;
  else if (path === '/toezicht/bewaartermijnen') view = <Retention caps={caps} />;
  else if ((params = match('/toezicht/bewaartermijnen/:id', path))) view = <RetentionRunDetail id={params['id']!} caps={caps} key={params['id']} />;
  else if (path === '/toezicht/raadsrapportage') view = <CouncilReport />;
  else view = <NotFound />;
  return (
    <Page appName={t('appName')} homeHref={staff ? '/toezicht' : '/werkplek'} user={me.actor} onLanguage={onLanguage} nav={caps ? nav : undefined}>
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
        <AppLink href="/toezicht">{t('backOverview')}</AppLink>
      </Paragraph>
    </>
  );
}
