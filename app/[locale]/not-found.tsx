import { useTranslations } from 'next-intl';

import { Link } from '@/i18n/navigation';

// Rendered inside the locale layout, so it is translated and keeps the header and language switcher.
export default function NotFoundPage() {
  const t = useTranslations('NotFoundPage');

  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p>{t('description')}</p>
      <p>
        <Link
          href="/"
          className="text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300"
        >
          {t('home')}
        </Link>
      </p>
    </div>
  );
}
