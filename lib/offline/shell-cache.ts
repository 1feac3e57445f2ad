/**
 * The service worker's cache is named after the build that made it, so a new build's worker fills a cache of
 * its own while the old one still serves open tabs, then deletes the old one when it activates.
 */
const PREFIX = 'bitext-shell-';

export function shellCacheName(version: string): string {
  return `${PREFIX}${version}`;
}

/**
 * The caches an activating worker deletes: earlier builds' shells. Any other store (transformers.js keeps
 * the downloaded models in `transformers-cache`) is not the worker's to touch.
 */
export function staleShellCaches(keys: readonly string[], current: string): string[] {
  return keys.filter((key) => key.startsWith(PREFIX) && key !== current);
}
