import { defineRouting } from 'next-intl/routing';

/**
 * The UI locales. Every URL carries its locale (`/en`, `/ru`…) so a shared link opens in the language it was
 * shared in, whatever the reader's browser prefers.
 */
export const routing = defineRouting({
  locales: ['en', 'ru', 'zh', 'hi'],
  defaultLocale: 'en',
  localePrefix: 'always',
});

export type UiLocale = (typeof routing.locales)[number];

export interface UiLocaleInfo {
  /** The language's name for itself, so a reader can find their language without reading the current one. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

/** Kept beside the locale list so adding an RTL locale (Arabic, Urdu) is one row here, not a layout change. */
export const localeInfo = {
  en: { nativeName: 'English', dir: 'ltr' },
  ru: { nativeName: 'Русский', dir: 'ltr' },
  zh: { nativeName: '中文', dir: 'ltr' },
  hi: { nativeName: 'हिन्दी', dir: 'ltr' },
} as const satisfies Record<UiLocale, UiLocaleInfo>;
