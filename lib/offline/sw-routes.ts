import { routing } from '@/i18n/routing';

/**
 * How the service worker treats one request. Pure, so the rules are unit-tested apart from the worker.
 * - network-first: the app shell, i.e. the prerendered workspace pages, their manifests and the icon; a new
 *   build's copy is picked up online, the cached copy serves offline.
 * - cache-first: content-hashed build files, and the onnxruntime-web and pdf.js files copied into public/,
 *   which a build never changes under one URL (each build gets a fresh cache, see shell-cache.ts).
 * - never: everything else, above all API answers, share pages and model files (transformers.js keeps the
 *   models it downloaded in its own Cache API store).
 */
export type SwStrategy = 'network-first' | 'cache-first' | 'never';

/** The shell's own URLs, each cached under its path alone (the page is the same whatever its query). */
export const SHELL_PATHS: readonly string[] = [
  ...routing.locales.flatMap((locale) => [`/${locale}`, `/${locale}/manifest.webmanifest`]),
  '/icon.svg',
];

const SHELL = new Set(SHELL_PATHS);
const IMMUTABLE_PREFIXES = ['/_next/static/', '/ort/', '/pdfjs/'];
// Next's router asks for a page's RSC payload at the page's own URL, marked by this parameter: data that
// depends on the router's state, not the page. Offline, the router falls back to loading the page itself.
const RSC_PARAM = '_rsc';

export function swStrategy(url: URL, origin: string): SwStrategy {
  if (url.origin !== origin) return 'never';
  if (SHELL.has(url.pathname)) return url.searchParams.has(RSC_PARAM) ? 'never' : 'network-first';
  if (IMMUTABLE_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return 'cache-first';
  return 'never';
}

/** What a response is cached under: a shell URL by its path, a build file by its full URL. */
export function cacheKey(url: URL, strategy: Exclude<SwStrategy, 'never'>): string {
  return strategy === 'network-first' ? url.origin + url.pathname : url.href;
}

/**
 * What the service worker fetches when it installs: the shell, and of `files` (the URL paths of the build's
 * static files and of public/) every one the worker would cache anyway, so that the first offline open works
 * even if the page loaded them before the worker controlled it. Source maps are left out: only DevTools asks.
 */
export function precacheUrls(files: readonly string[], origin: string): string[] {
  const assets = files.filter(
    (file) => !file.endsWith('.map') && swStrategy(new URL(file, origin), origin) === 'cache-first',
  );
  return [...SHELL_PATHS, ...[...new Set(assets)].sort()];
}
