/**
 * A very small translation function: dictionaries keyed by message id, `{name}` placeholders. zh-CN is the
 * reference dictionary; en-US must have every key (the type system checks it).
 */
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey } from './zh-CN';

/** Languages of the UI. */
export type Lang = 'zh-CN' | 'en-US';

/** The languages, in the order the switch shows them. */
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

/** The default language. */
export const DEFAULT_LANG: Lang = 'zh-CN';

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Values for `{placeholders}`. */
export type MessageVars = Record<string, string | number>;

/** Replaces `{name}` placeholders; unknown placeholders stay as they are. */
export function interpolate(text: string, vars?: MessageVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The message `key` in `lang` (falls back to zh-CN, then to the key itself). */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const text = DICTIONARIES[lang][key] ?? zhCN[key] ?? key;
  return interpolate(text, vars);
}

/** Picks the text of a `{ zh, en }` pair for `lang`. */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'en-US' ? en : zh;
}

/** Reads a language code from storage, accepting only known values. */
export function parseLang(v: string | null | undefined): Lang {
  return v === 'en-US' || v === 'zh-CN' ? v : DEFAULT_LANG;
}
