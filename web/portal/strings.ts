import type { Dictionary } from '../shared/i18n.tsx';

export const PORTAL: Record<'nl' | 'en', Dictionary> = {
  nl: {
    appName: 'Mijn gegevens',
    navHome: 'Mijn gegevens',
    navRights: 'Rechten en plichten',
    homeTitle: 'Mijn gegevens',
    welcome: 'Welkom, {name}.',
    homeIntro: 'Hier ziet u welke gegevens de gemeente en haar partners van u en uw huishouden gebruiken, waarvoor, en wie ze heeft bekeken.',
    rightsTeaser: 'Wilt u weten wat u mag vragen, of wilt u een klacht indienen?',
    rightsTeaserLink: 'Lees uw rechten en plichten',
    back: 'Terug naar Mijn gegevens',
  },
  en: {
    appName: 'My data',
    navHome: 'My data',
    navRights: 'Rights and duties',
    homeTitle: 'My data',
    welcome: 'Welcome, {name}.',
    homeIntro: 'Here you see which data the municipality and its partners use about you and your household, what for, and who viewed it.',
    rightsTeaser: 'Do you want to know what you may ask, or do you want to file a complaint?',
    rightsTeaserLink: 'Read your rights and duties',
    back: 'Back to My data',
  },
};
