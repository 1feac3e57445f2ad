import type { MetadataRoute } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';

import { localeInfo, routing } from '@/i18n/routing';
import { THEME_COLORS } from '@/lib/theme';

interface Params {
  params: Promise<{ locale: string }>;
}

// One manifest per UI locale, made at build time: an installed Bitext opens in the language it was installed in.
export const dynamic = 'force-static';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const t = await getTranslations({ locale, namespace: 'LocaleLayout' });
  const manifest: MetadataRoute.Manifest = {
    name: t('title'),
    short_name: 'Bitext',
    description: t('description'),
    lang: locale,
    dir: localeInfo[locale].dir,
    start_url: `/${locale}`,
    scope: '/',
    display: 'standalone',
    // A manifest has one colour; the pages' theme-color meta tags follow the colour scheme.
    background_color: THEME_COLORS.light,
    theme_color: THEME_COLORS.light,
    icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { 'content-type': 'application/manifest+json; charset=utf-8' },
  });
}
