/**
 * The frame every page shares: skip link, header (municipality, app name, who is signed in, language
 * switch, sign-out), one <main>, footer. Landmarks: banner, navigation, main, contentinfo.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { signOut, type Lang } from './api.ts';
import { useI18n } from './i18n.tsx';
import { hasNavigated } from './router.tsx';
import { Button, Heading1, Link } from './ui.tsx';

export function Page({
  appName,
  homeHref,
  user,
  onLanguage,
  nav,
  children,
}: {
  appName: string;
  homeHref: string;
  user?: { displayName: string; organisationName?: string } | null;
  onLanguage(lang: Lang): void;
  nav?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="zv-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
        {t('skip')}
      </a>
      <header className="utrecht-page-header zv-header">
        <div className="zv-container zv-header__inner">
          <a className="zv-brand" href={homeHref}>
            <span className="zv-brand__org">{t('municipality')}</span>
            <span className="zv-brand__app">{appName}</span>
          </a>
          <div className="zv-header__tools">
            {user && (
              <p className="utrecht-paragraph zv-header__user">
                {t('signedInAs', { name: user.displayName })}
                {user.organisationName && <span className="zv-header__org">{user.organisationName}</span>}
              </p>
            )}
            <Button appearance="subtle-button" lang={t('switchLanguageLang')} onClick={() => onLanguage(t('switchLanguageLang') as Lang)}>
              {t('switchLanguage')}
            </Button>
            {user && (
              <Button appearance="secondary-action-button" onClick={() => void signOut()}>
                {t('signOut')}
              </Button>
            )}
          </div>
        </div>
        {nav && (
          <nav className="zv-container zv-nav" aria-label={appName}>
            {nav}
          </nav>
        )}
      </header>
      <main id="inhoud" className="zv-container zv-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="utrecht-page-footer zv-footer">
        <div className="zv-container">
          <p className="utrecht-paragraph">{t('footerPrivacy')}</p>
          <p className="utrecht-paragraph">
            <Link href="/mijn/rechten">{t('rightsLink')}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}

/** The h1 of a view: sets the document title and takes focus when the view changes. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Zorgvuldig`;
    // Move focus to the new heading after client-side navigation, not on the first load.
    if (hasNavigated()) ref.current?.focus();
  }, [title]);
  return <Heading1 ref={ref}>{children}</Heading1>;
}
