/// <reference lib="webworker" />
/**
 * The offline service worker, bundled to public/sw.js by scripts/build-sw.ts (which sets SW_VERSION).
 * What it caches and how is decided by lib/offline/sw-routes.ts; model files are never cached here
 * (transformers.js keeps them in its own Cache API store).
 */
import { routing } from '@/i18n/routing';
import { swStrategy } from '@/lib/offline/sw-routes';

declare const self: ServiceWorkerGlobalScope;
declare const SW_VERSION: string;

const CACHE = `bitext-shell-${SW_VERSION}`;
const STATIC_URL = /\/_next\/static\/[^"'\s)]+/g;

/** Caches the workspace pages and the build files they reference, so the first offline open works. */
async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  for (const locale of routing.locales) {
    const response = await fetch(`/${locale}`, { cache: 'no-cache' });
    if (!response.ok) continue;
    const html = await response.clone().text();
    await cache.put(`/${locale}`, response);
    const assets = [...new Set(html.match(STATIC_URL) ?? [])];
    await cache.addAll(assets.map((asset) => asset.replace(/\\u0026/g, '&')));
  }
}

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Drops the shells of earlier builds, then takes over open tabs so their next fetches are served offline.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('bitext-shell-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const strategy = swStrategy(new URL(event.request.url), self.location.origin);
  if (strategy === 'network-first') event.respondWith(networkFirst(event.request));
  else if (strategy === 'cache-first') event.respondWith(cacheFirst(event.request));
});
