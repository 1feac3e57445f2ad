import { useTranslations } from 'next-intl';

import { Link } from '@/i18n/navigation';

/**
 * What a share link shows once there is nothing behind it. Deleted and never-existing links look the same
 * (the server keeps nothing of a deleted share, and a stranger learns nothing from probing ids); an expired
 * one says the same, as the reader cannot tell those cases apart either.
 */
export function ShareGone() {
  const t = useTranslations('SharePage');

  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t('gone.title')}</h1>
      <p>{t('gone.description')}</p>
      <p>
        <Link
          href="/"
          className="text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300"
        >
          {t('gone.home')}
        </Link>
      </p>
    </div>
  );
}
