import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';

import { LanguageLinks } from '@/components/share/language-links';
import { MyShares } from '@/components/share/my-shares';
import { OpenInWorkspace } from '@/components/share/open-in-workspace';
import { ShareGone } from '@/components/share/share-gone';
import { SharedResult } from '@/components/share/shared-result';
import { languageName } from '@/components/workspace/language-names';
import { resolveRequestLocale } from '@/i18n/request-locale';
import { getLanguage } from '@/lib/langs';
import { excerpt, requestedLanguage, sharePreview } from '@/lib/share-links';
import { listLanguages } from '@/lib/server/languages';
import { loadShare } from './load-share';
import { contentType, size } from './opengraph-image';

interface Props {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<{ lang?: string | string[] }>;
}

// Shares are unlisted: only whoever was sent the link should find them.
const robots = { index: false, follow: false } as const;

/** Where this request came to, so the preview image gets an absolute address on this very host. */
async function requestOrigin(): Promise<URL> {
  const request = await headers();
  const proto = request.get('x-forwarded-proto')?.split(',')[0] ?? 'http';
  return new URL(`${proto}://${request.get('host') ?? 'localhost'}`);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await resolveRequestLocale(params);
  const { id } = await params;
  const loaded = await loadShare(id);
  const metadataBase = await requestOrigin();
  if (loaded.status !== 'found') {
    const t = await getTranslations({ locale, namespace: 'SharePage' });
    return { title: t('gone.title'), robots, metadataBase };
  }
  const preview = sharePreview(loaded.share, requestedLanguage(loaded.share, (await searchParams).lang));
  const description = excerpt(preview.summary, 300);
  const t = await getTranslations({ locale, namespace: 'SharePage' });
  // The card's own route (opengraph-image.tsx), named here only so that its description can be in the page's
  // language: the file's `alt` export is one string for every locale, and a page's `openGraph.images` wins.
  const image = { url: `/${locale}/s/${id}/opengraph-image`, alt: t('imageAlt'), type: contentType, ...size };
  return {
    title: preview.title,
    description,
    robots,
    metadataBase,
    openGraph: { type: 'article', title: preview.title, description, images: [image] },
  };
}

export default async function SharePage({ params, searchParams }: Props) {
  const locale = await resolveRequestLocale(params);
  const { id } = await params;
  const loaded = await loadShare(id);
  // An expired share renders the "gone" state in place; proxy.ts gives that answer its 410.
  if (loaded.status === 'missing') notFound();
  if (loaded.status === 'expired') return <ShareGone />;

  const { share } = loaded;
  const language = requestedLanguage(share, (await searchParams).lang);
  const t = await getTranslations({ locale, namespace: 'SharePage' });
  const format = await getFormatter({ locale });
  // Only the share's own languages, and only what naming them needs: the page's payload carries this list
  // to the browser, and nothing on it translates (so no targets, no model routes, nothing unavailable).
  const used = new Set([share.source.language, ...Object.keys(share.translations)]);
  const languages = listLanguages()
    .filter((l) => used.has(l.code))
    .map(({ code, name, nativeName, dir }) => ({
      code,
      name: languageName(code, locale, name),
      nativeName,
      dir,
      targets: [],
      unavailable: [],
    }));
  const nameOf = (code: string) => languages.find((l) => l.code === code)?.name ?? code;
  // Dates, not times: the server does not know the reader's time zone, and a day is what matters here.
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'long', timeZone: 'UTC' });

  return (
    <div className="grid gap-10">
      <header className="grid gap-3">
        <p className="text-sm font-medium text-neutral-600 dark:text-neutral-400">{t('kicker')}</p>
        <h1
          lang={share.source.language}
          dir={getLanguage(share.source.language)?.dir ?? 'auto'}
          className="text-3xl font-bold tracking-tight text-balance"
        >
          {share.title}
        </h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          {t('shared', { date: date(share.createdAt), language: nameOf(share.source.language) })}{' '}
          {share.expiresAt ? t('expires', { date: date(share.expiresAt) }) : t('neverExpires')}
        </p>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <OpenInWorkspace text={share.source.text} />
          <LanguageLinks
            id={share.id}
            current={language}
            languages={Object.keys(share.translations).map((code) => ({ code, name: nameOf(code) }))}
          />
        </div>
      </header>
      <SharedResult share={share} languages={languages} language={language} />
      <MyShares current={share.id} />
    </div>
  );
}
