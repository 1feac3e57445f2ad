import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';

import { routing, type UiLocale } from './routing';

/**
 * Reads the `[locale]` segment for a layout, page or metadata function: an unknown locale is a 404, and a known
 * one is recorded for the request so next-intl can render the page statically instead of reading headers.
 */
export async function resolveRequestLocale(params: Promise<{ locale: string }>): Promise<UiLocale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
