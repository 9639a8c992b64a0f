/** The public start page: two ways to sign in, and the notices sign-in sends people back with. */
import { I18nProvider, SHARED, useI18n } from '../shared/i18n.tsx';
import { Page, PageTitle } from '../shared/layout.tsx';
import { useSession } from '../shared/session.ts';
import { Alert, ButtonLink, Heading2, Link, Paragraph } from '../shared/ui.tsx';
import { START } from './strings.ts';

const KNOWN_FAILURES = ['AUTH.UNKNOWN_ACCOUNT', 'AUTH.MFA_REQUIRED', 'AUTH.NO_ROLE', 'AUTH.PROVIDER_UNAVAILABLE', 'AUTH.SIGNIN_FAILED'];

export function StartApp() {
  const session = useSession(false);
  return (
    <I18nProvider lang={session.lang} setLang={session.setLang} dictionaries={{ nl: { ...SHARED.nl, ...START.nl }, en: { ...SHARED.en, ...START.en } }}>
      <Start me={session.me} onLanguage={session.setLang} />
    </I18nProvider>
  );
}

function Start({ me, onLanguage }: { me: ReturnType<typeof useSession>['me']; onLanguage: ReturnType<typeof useSession>['setLang'] }) {
  const { t } = useI18n();
  const query = new URLSearchParams(window.location.search);
  const failure = query.get('fout');
  const failureKey = failure && KNOWN_FAILURES.includes(failure) ? `fout.${failure}` : failure ? 'fout.AUTH.SIGNIN_FAILED' : null;
  const landing = me?.actor.kind === 'resident' ? '/mijn' : '/werkplek';
  return (
    <Page appName={t('appName')} homeHref="/" user={me?.actor ?? null} onLanguage={onLanguage}>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      {failureKey && (
        <div className="zv-notice">
          <Alert type="error" live>
            <Paragraph>{t(failureKey)}</Paragraph>
          </Alert>
        </div>
      )}
      {query.has('sessie') && (
        <div className="zv-notice">
          <Alert type="warning" live>
            <Paragraph>{t('expired')}</Paragraph>
          </Alert>
        </div>
      )}
      {query.has('uitgelogd') && !me && (
        <div className="zv-notice">
          <Alert type="ok" live>
            <Paragraph>{t('signedOut')}</Paragraph>
          </Alert>
        </div>
      )}
      {me && (
        <div className="zv-notice">
          <Alert type="info">
            <Paragraph>
              {t('alreadyIn', { name: me.actor.displayName })} <Link href={landing}>{t('alreadyInLink')}</Link>
            </Paragraph>
          </Alert>
        </div>
      )}
      <Paragraph lead>{t('intro')}</Paragraph>
      <div className="zv-cards">
        <section className="zv-card" aria-labelledby="medewerkers">
          <Heading2 id="medewerkers">{t('staffHeading')}</Heading2>
          <Paragraph>{t('staffText')}</Paragraph>
          <ButtonLink href="/auth/staff/login">{t('staffButton')}</ButtonLink>
        </section>
        <section className="zv-card" aria-labelledby="inwoners">
          <Heading2 id="inwoners">{t('residentHeading')}</Heading2>
          <Paragraph>{t('residentText')}</Paragraph>
          <ButtonLink href="/auth/resident/login">{t('residentButton')}</ButtonLink>
        </section>
      </div>
      <section aria-labelledby="rechten">
        <Heading2 id="rechten">{t('rightsHeading')}</Heading2>
        <Paragraph>{t('rightsText')}</Paragraph>
        <Paragraph>
          <Link href="/mijn/rechten">{t('rightsLinkText')}</Link>
        </Paragraph>
      </section>
    </Page>
  );
}
