import createMiddleware from 'next-intl/middleware';

import { routing } from './i18n/routing';

// Redirects locale-less paths (`/` → `/en`, by Accept-Language or the NEXT_LOCALE cookie).
export default createMiddleware(routing);

export const config = {
  // Everything except the API, served model files, Next's internals and any path with a dot (static files).
  matcher: '/((?!api|models|_next|_vercel|.*\\..*).*)',
};
