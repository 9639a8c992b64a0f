/**
 * Dutch first, English on request: a small dictionary per app, no library. The choice is kept in the
 * session (PUT /api/me/language) and in the zv_lang cookie, so the start page knows it too.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Lang } from './api.ts';

export type Dictionary = Record<string, string>;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: string, vars?: Record<string, string>): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  lang,
  setLang,
  dictionaries,
  children,
}: {
  lang: Lang;
  setLang(lang: Lang): void;
  dictionaries: Record<Lang, Dictionary>;
  children: ReactNode;
}) {
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const t = (key: string, vars?: Record<string, string>) => {
    let text = dictionaries[lang][key] ?? dictionaries.nl[key] ?? key;
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${k}}`, v);
    return text;
  };
  return <I18nContext.Provider value={{ lang, setLang, t }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('I18nProvider missing');
  return ctx;
}

/** Strings every app shows (header, footer, states). */
export const SHARED: Record<Lang, Dictionary> = {
  nl: {
    'skip': 'Naar de inhoud',
    'municipality': 'Gemeente Oosterveld',
    'signOut': 'Uitloggen',
    'signedInAs': 'Ingelogd als {name}',
    'switchLanguage': 'English',
    'switchLanguageLang': 'en',
    'loading': 'Bezig met laden…',
    'notFound': 'Niet gevonden',
    'notFoundText': 'Wat u zoekt bestaat niet, of u mag het niet zien.',
    'forbidden': 'Geen toegang',
    'forbiddenText': 'U mag dit niet zien. Bent u betrokken bij dit huishouden? Vraag dan de regisseur om u toe te voegen.',
    'error': 'Er ging iets mis',
    'errorText': 'Probeer het later nog eens. Er is niets veranderd.',
    'errorCode': 'Foutcode: {code}',
    'notYet': 'Dit onderdeel is nog niet beschikbaar.',
    'empty': 'Er is niets om te tonen.',
    'pageNotFound': 'Pagina niet gevonden',
    'pageNotFoundText': 'Deze pagina bestaat niet. Ga terug naar de startpagina.',
    'footerPrivacy': 'Zorgvuldig verwerkt alleen de gegevens die nodig zijn voor de hulp. Elke keer dat iemand uw gegevens bekijkt, wordt dat vastgelegd.',
    'rightsLink': 'Rechten en plichten van inwoners',
    'yes': 'Ja',
    'no': 'Nee',
    'unknown': 'onbekend',
  },
  en: {
    'skip': 'Skip to content',
    'municipality': 'Municipality of Oosterveld',
    'signOut': 'Sign out',
    'signedInAs': 'Signed in as {name}',
    'switchLanguage': 'Nederlands',
    'switchLanguageLang': 'nl',
    'loading': 'Loading…',
    'notFound': 'Not found',
    'notFoundText': 'What you are looking for does not exist, or you may not see it.',
    'forbidden': 'No access',
    'forbiddenText': 'You may not see this. Are you involved with this household? Ask the director to add you.',
    'error': 'Something went wrong',
    'errorText': 'Please try again later. Nothing was changed.',
    'errorCode': 'Error code: {code}',
    'notYet': 'This part is not available yet.',
    'empty': 'There is nothing to show.',
    'pageNotFound': 'Page not found',
    'pageNotFoundText': 'This page does not exist. Go back to the start page.',
    'footerPrivacy': 'Zorgvuldig processes only the data needed for the help you get. Every time someone views your data, this is recorded.',
    'rightsLink': "Residents' rights and duties",
    'yes': 'Yes',
    'no': 'No',
    'unknown': 'unknown',
  },
};
