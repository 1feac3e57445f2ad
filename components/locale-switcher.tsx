'use client';

import { useLocale, useTranslations } from 'next-intl';

import { Link, usePathname } from '@/i18n/navigation';
import { localeInfo, routing } from '@/i18n/routing';

/** Links to the page the reader is on, in each UI locale, each labelled in its own language. */
export function LocaleSwitcher() {
  const t = useTranslations('LocaleSwitcher');
  const current = useLocale();
  // The path without its locale prefix; Link adds the prefix for the `locale` it is given.
  const pathname = usePathname();

  return (
    <nav aria-label={t('label')}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={pathname}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? 'page' : undefined}
              className="rounded px-1 underline-offset-2 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline"
            >
              {localeInfo[locale].nativeName}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
