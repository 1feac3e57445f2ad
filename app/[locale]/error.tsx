'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

import { Button } from '@/components/ui/button';

interface Props {
  error: Error & { digest?: string };
  reset: () => void;
}

/**
 * What a page that failed to render shows, inside the locale layout (so translated, with the header and
 * language switcher), as next-intl's example app does. Next.js hides a server error's text in production;
 * its digest in the server log tells which it was.
 */
export default function ErrorPage({ error, reset }: Props) {
  const t = useTranslations('ErrorPage');

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p>{t('description')}</p>
      <Button onClick={reset}>{t('retry')}</Button>
    </div>
  );
}
