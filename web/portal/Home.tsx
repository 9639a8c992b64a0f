/**
 * The portal's start: rights first (R5.1) — at the first visit the main rights and duties are shown
 * right here, in plain Dutch, and the portal remembers that it showed them — and the ways in: my file,
 * who viewed my data, consents, requests and complaints.
 */
import { useEffect, useState } from 'react';
import { apiGet, apiSend, type Me } from '../shared/api.ts';
import { useI18n } from '../shared/i18n.tsx';
import { PageTitle } from '../shared/layout.tsx';
import { AppLink } from '../shared/router.tsx';
import { Heading2, Paragraph, SpotlightSection } from '../shared/ui.tsx';

interface Notice {
  textVersion: string;
  shownAt: string | null;
}

function FirstVisit() {
  const { t } = useI18n();
  return (
    <section className="zv-first" aria-labelledby="eerst">
      <SpotlightSection>
        <Heading2 id="eerst">{t('firstTitle')}</Heading2>
        <Paragraph>{t('firstIntro')}</Paragraph>
        <ul className="utrecht-unordered-list">
          {['first1', 'first2', 'first3', 'first4', 'first5'].map((k) => (
            <li key={k} className="utrecht-unordered-list__item">
              {t(k)}
            </li>
          ))}
        </ul>
        <Paragraph>
          <AppLink href="/mijn/rechten">{t('firstMore')}</AppLink>
        </Paragraph>
      </SpotlightSection>
    </section>
  );
}

const CARDS = [
  { href: '/mijn/dossier', title: 'navFile', text: 'cardFile' },
  { href: '/mijn/wie-bekeek', title: 'navLog', text: 'cardLog' },
  { href: '/mijn/toestemmingen', title: 'navConsents', text: 'cardConsents' },
  { href: '/mijn/verzoeken', title: 'navRequests', text: 'cardRequests' },
  { href: '/mijn/klachten', title: 'navComplaints', text: 'cardComplaints' },
];

export function Home({ me }: { me: Me }) {
  const { t } = useI18n();
  const [first, setFirst] = useState(false);
  useEffect(() => {
    let live = true;
    apiGet<Notice>('/api/mijn/rights-notice')
      .then((n) => {
        if (!live || n.shownAt !== null) return;
        setFirst(true);
        // Shown now: remember it, so the next visit starts with the overview (the full text stays one click away).
        void apiSend('POST', '/api/mijn/rights-notice').catch(() => {});
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <PageTitle title={t('homeTitle')}>{t('homeTitle')}</PageTitle>
      <Paragraph lead>{t('welcome', { name: me.actor.displayName })}</Paragraph>
      <Paragraph>{t('homeIntro')}</Paragraph>
      {first && <FirstVisit />}
      <ul className="zv-cards zv-card-list">
        {CARDS.map((c) => (
          <li className="zv-card" key={c.href}>
            <h2 className="utrecht-heading-3">
              <AppLink href={c.href}>{t(c.title)}</AppLink>
            </h2>
            <Paragraph>{t(c.text)}</Paragraph>
          </li>
        ))}
      </ul>
      <SpotlightSection>
        <Paragraph>
          {t('rightsTeaser')} <AppLink href="/mijn/rechten">{t('rightsTeaserLink')}</AppLink>
        </Paragraph>
      </SpotlightSection>
    </>
  );
}
