import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { setApiLanguage } from '../api/client';
import { parseLang, pick, translate, type Lang, type MessageKey, type MessageVars } from './translate';

/** localStorage key of the chosen language. */
export const LANG_STORAGE_KEY = 'fuyou.lang';

/** What `useI18n()` gives a component. */
export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** Translates a message id. */
  t(key: MessageKey, vars?: MessageVars): string;
  /** Picks the zh or en text of a pair (labels that come with both, e.g. from the server or the registry). */
  pick(zh: string, en: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLang(): Lang {
  try {
    return parseLang(globalThis.localStorage?.getItem(LANG_STORAGE_KEY));
  } catch {
    return parseLang(null);
  }
}

function applyLang(lang: Lang) {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  setApiLanguage(lang);
}

/** Provides the language (persisted to localStorage) and `t()` to the tree. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = readStoredLang();
    applyLang(l);
    return l;
  });
  useEffect(() => applyLang(lang), [lang]);
  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, l);
    } catch {
      // storage may be unavailable (private mode); the choice then lasts for this page only
    }
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (zh, en) => pick(lang, zh, en),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and `t()`. */
export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n() outside <I18nProvider>');
  return v;
}
