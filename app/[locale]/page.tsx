import { resolveRequestLocale } from '@/i18n/request-locale';
import { Home } from './home';

interface Props {
  params: Promise<{ locale: string }>;
}

/** The workspace, prerendered for every UI locale at build time (with the build's settings). */
export default async function HomePage({ params }: Props) {
  return <Home locale={await resolveRequestLocale(params)} />;
}
