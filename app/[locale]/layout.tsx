import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { LocaleSwitcher } from '@/components/locale-switcher';
import { Link } from '@/i18n/navigation';
import { resolveRequestLocale } from '@/i18n/request-locale';
import { localeInfo, routing } from '@/i18n/routing';
import { THEME_COLORS } from '@/lib/theme';

import '../globals.css';

interface Props {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

// Read on the server only (titles, the home page's static text): left out of the messages every page hands
// its client components in its HTML.
const SERVER_ONLY_NAMESPACES = new Set(['HomePage', 'LocaleLayout']);

// Every UI locale is known at build time; anything else is a 404 rather than a render with the wrong messages.
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Omit<Props, 'children'>): Promise<Metadata> {
  const locale = await resolveRequestLocale(params);
  const t = await getTranslations({ locale, namespace: 'LocaleLayout' });
  return { title: t('title'), description: t('description'), manifest: `/${locale}/manifest.webmanifest` };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: THEME_COLORS.light },
    { media: '(prefers-color-scheme: dark)', color: THEME_COLORS.dark },
  ],
};

export default async function LocaleLayout({ children, params }: Props) {
  const locale = await resolveRequestLocale(params);
  const t = await getTranslations({ locale, namespace: 'LocaleLayout' });
  const messages = Object.fromEntries(
    Object.entries(await getMessages({ locale })).filter(
      ([namespace]) => !SERVER_ONLY_NAMESPACES.has(namespace),
    ),
  );

  return (
    <html lang={locale} dir={localeInfo[locale].dir}>
      <body className="min-h-screen bg-white text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-blue-700 focus:px-3 focus:py-2 focus:text-white"
        >
          {t('skipToContent')}
        </a>
        <NextIntlClientProvider messages={messages}>
          <header className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-6">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Bitext
            </Link>
            <LocaleSwitcher />
          </header>
          <main id="main" className="mx-auto max-w-7xl px-6 pb-16">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
