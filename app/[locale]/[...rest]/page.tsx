import { notFound } from 'next/navigation';

// Next renders the closest not-found.tsx only when a route calls notFound(); without this catch-all an unknown
// path such as /en/nope would fall through to Next's untranslated default 404.
export default function UnknownPage() {
  notFound();
}
