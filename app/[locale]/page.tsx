import { getTranslations } from 'next-intl/server';

import { resolveRequestLocale } from '@/i18n/request-locale';

interface Props {
  params: Promise<{ locale: string }>;
}

// Paths are not translated: they are the same in every locale, and the label beside each one is.
const API_ENDPOINTS = [
  { path: '/api/v1/health', label: 'health' },
  { path: '/api/v1/languages', label: 'languages' },
] as const;

const CLI_EXAMPLE = 'npm run cli -- --to ru article.txt';

const linkClass = 'text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300';

export default async function HomePage({ params }: Props) {
  const locale = await resolveRequestLocale(params);
  const t = await getTranslations({ locale, namespace: 'HomePage' });

  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight text-balance">{t('title')}</h1>
        <p className="text-lg leading-relaxed">{t('intro')}</p>
      </section>

      <section aria-labelledby="features" className="space-y-3">
        <h2 id="features" className="text-xl font-semibold">
          {t('features.heading')}
        </h2>
        <ul className="list-disc space-y-1 ps-6">
          <li>{t('features.detect')}</li>
          <li>{t('features.summarize')}</li>
          <li>{t('features.translate')}</li>
        </ul>
        <p className="leading-relaxed">{t('models')}</p>
      </section>

      <section aria-labelledby="api" className="space-y-3">
        <h2 id="api" className="text-xl font-semibold">
          {t('api.heading')}
        </h2>
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
      </section>

      <section aria-labelledby="cli" className="space-y-3">
        <h2 id="cli" className="text-xl font-semibold">
          {t('cli.heading')}
        </h2>
        <p>{t('cli.intro')}</p>
        <pre className="overflow-x-auto rounded-md bg-neutral-100 p-4 text-sm dark:bg-neutral-800">
          <code>{CLI_EXAMPLE}</code>
        </pre>
      </section>
    </div>
  );
}
