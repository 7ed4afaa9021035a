import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { de, type Messages } from '../messages/de';
import { en } from '../messages/en';

export type Language = 'de' | 'en';

const MESSAGES: Record<Language, Messages> = { de, en };
const STORAGE_KEY = 'fachtag.language';

function storedChoice(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'de' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

interface I18n {
  language: Language;
  t: Messages;
  /** The page's default language (an event's own language); a user's switch wins over it. */
  setPageLanguage(language: string | null | undefined): void;
  toggle(): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [choice, setChoice] = useState<Language | null>(storedChoice);
  const [pageLanguage, setPageLanguageState] = useState<Language>('de');
  const language = choice ?? pageLanguage;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      t: MESSAGES[language],
      setPageLanguage: (l) => setPageLanguageState(l === 'en' ? 'en' : 'de'),
      toggle: () => {
        const next: Language = language === 'de' ? 'en' : 'de';
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // private mode: the choice lasts for this page only
        }
        setChoice(next);
      },
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** Dates and times with Intl, always in the event's own time zone. */
export function useFormat(timeZone: string) {
  const { language } = useI18n();
  return useMemo(() => {
    const locale = language === 'de' ? 'de-DE' : 'en-GB';
    const date = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
    const dateTime = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    return {
      date: (iso: string) => date.format(new Date(iso)),
      time: (iso: string) => time.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [language, timeZone]);
}
