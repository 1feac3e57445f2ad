import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { languageName } from '@/components/workspace/language-names';
import { Workspace } from '@/components/workspace/workspace';
import type { UiLocale } from '@/i18n/routing';
import { workerSettings } from '@/lib/server/engine';
import { listLanguages } from '@/lib/server/languages';
import { WORKSPACE_KEY_META, workspaceKey } from '@/lib/server/workspace-key';

// Paths are not translated: they are the same in every locale, and the label beside each one is.
const API_ENDPOINTS = [
  { path: '/api/v1/health', label: 'health' },
  { path: '/api/v1/languages', label: 'languages' },
] as const;

const CLI_EXAMPLE = 'npm run -s cli -- digest article.txt --to ru,zh-Hans,hi';

const linkClass = 'text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300';

/**
 * The workspace page, prerendered by ./page.tsx and rendered per request by ./live/page.tsx (for a server
 * whose settings are not the build's: see proxy.ts).
 */
export async function Home({ locale }: { locale: UiLocale }) {
  const t = await getTranslations({ locale, namespace: 'HomePage' });
  const languages = listLanguages().map((language) => ({
    ...language,
    name: languageName(language.code, locale, language.name),
  }));

  return (
    <div className="@container grid gap-14">
      {/* What this render was made for: proxy.ts serves the prerendered page only to a server with the same. */}
      <meta name={WORKSPACE_KEY_META} content={workspaceKey()} />
      <section className="grid max-w-3xl gap-3">
        <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">{t('title')}</h1>
        <p className="text-lg leading-relaxed text-neutral-700 dark:text-neutral-300">{t('intro')}</p>
      </section>

      <Workspace settings={workerSettings()} languages={languages} />

      <footer className="grid gap-8 border-t border-neutral-200 pt-8 text-sm text-neutral-700 @3xl:grid-cols-3 dark:border-neutral-800 dark:text-neutral-300">
        <FooterSection id="features" heading={t('features.heading')}>
          <ul className="list-disc space-y-1 ps-5">
            <li>{t('features.detect')}</li>
            <li>{t('features.summarize')}</li>
            <li>{t('features.translate')}</li>
          </ul>
          <p className="leading-relaxed">{t('models')}</p>
        </FooterSection>

        <FooterSection id="api" heading={t('api.heading')}>
          <p>{t('api.intro')}</p>
          <ul className="space-y-1">
            {API_ENDPOINTS.map(({ path, label }) => (
              <li key={path}>
                {/* A plain anchor: these answer JSON, so client-side navigation and prefetching would be wrong. */}
                <a href={path} className={`${linkClass} font-mono text-sm`}>
                  {path}
                </a>{' '}
                — {t(`api.${label}`)}
              </li>
            ))}
          </ul>
        </FooterSection>

        <FooterSection id="cli" heading={t('cli.heading')}>
          <p>{t('cli.intro')}</p>
          {/* Focusable: a narrow column scrolls the command sideways, and keyboard users must be able to. */}
          <pre
            tabIndex={0}
            className="overflow-x-auto rounded-md bg-neutral-100 p-3 text-sm dark:bg-neutral-800"
          >
            <code>{CLI_EXAMPLE}</code>
          </pre>
        </FooterSection>
      </footer>
    </div>
  );
}

function FooterSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid content-start gap-2">
      <h2 id={id} className="text-base font-semibold text-neutral-900 dark:text-neutral-100">
        {heading}
      </h2>
      {children}
    </section>
  );
}
