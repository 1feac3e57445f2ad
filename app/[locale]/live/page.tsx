import { connection } from 'next/server';

import { resolveRequestLocale } from '@/i18n/request-locale';
import { Home } from '../home';

interface Props {
  params: Promise<{ locale: string }>;
}

/**
 * The workspace rendered per request, with the running server's settings: proxy.ts rewrites `/{locale}` here
 * when the server runs with other settings (model profile, devices, folders) than the build was made with.
 */
export default async function LiveHomePage({ params }: Props) {
  const locale = await resolveRequestLocale(params);
  await connection();
  return <Home locale={locale} />;
}
