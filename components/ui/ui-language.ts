import { useLocale } from 'next-intl';

import { localeInfo, routing, type UiLocale } from '@/i18n/routing';

/**
 * The UI's own `lang` and `dir`, for a UI message shown inside content in another language (an English
 * error inside an Arabic pane), so it is neither read out nor laid out as that language.
 */
export function useUiLanguage(): { lang: UiLocale; dir: 'ltr' | 'rtl' } {
  const locale = useLocale();
  const lang = routing.locales.find((l) => l === locale) ?? routing.defaultLocale;
  return { lang, dir: localeInfo[lang].dir };
}
