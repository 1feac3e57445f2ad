import { useEffect } from 'react';

/**
 * Registers the offline service worker (public/sw.js, built by scripts/build-sw.ts) once the workspace has
 * loaded, so its precache does not compete with the first paint. Skipped in development, where chunks change
 * on every edit and a cached shell would only get in the way.
 */
export function useServiceWorker(): void {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // Offline support is an extra: the workspace works without it, so a failed registration is only logged.
      console.warn('service worker registration failed', error);
    });
  }, []);
}
