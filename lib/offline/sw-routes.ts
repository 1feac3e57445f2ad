import { routing } from '@/i18n/routing';

/**
 * How the service worker treats one request. Pure, so the rules are unit-tested apart from the worker.
 * - network-first: the prerendered workspace HTML; a new build is picked up online, the cached copy serves offline.
 * - cache-first: content-hashed build files and the onnxruntime-web files, which never change under one URL.
 * - never: everything else, above all API answers, share pages and model files (transformers.js keeps the
 *   models it downloaded in its own Cache API store).
 */
export type SwStrategy = 'network-first' | 'cache-first' | 'never';

const WORKSPACE_PATHS = new Set(routing.locales.map((locale) => `/${locale}`));
const IMMUTABLE_PREFIXES = ['/_next/static/', '/ort/'];

export function swStrategy(url: URL, origin: string): SwStrategy {
  if (url.origin !== origin) return 'never';
  if (WORKSPACE_PATHS.has(url.pathname)) return 'network-first';
  if (IMMUTABLE_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return 'cache-first';
  return 'never';
}
