/** Who is signed in (GET /api/me), and the language choice that goes with the session. */
import { useEffect, useState } from 'react';
import { apiGet, apiSend, cookieLanguage, rememberCsrfToken, setCookieLanguage, type Lang, type Me } from './api.ts';

export interface SessionState {
  /** undefined while loading; null when nobody is signed in. */
  me: Me | null | undefined;
  lang: Lang;
  setLang(lang: Lang): void;
}

export function useSession(required: boolean): SessionState {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [lang, setLangState] = useState<Lang>(cookieLanguage);

  useEffect(() => {
    apiGet<Me>('/api/me', { redirectOn401: required })
      .then((m) => {
        rememberCsrfToken(m.csrfToken);
        setMe(m);
        setLangState(m.language);
      })
      .catch(() => setMe(null));
  }, [required]);

  const setLang = (next: Lang) => {
    setLangState(next);
    setCookieLanguage(next);
    if (me) void apiSend('PUT', '/api/me/language', { language: next }).catch(() => {});
  };
  return { me, lang, setLang };
}
