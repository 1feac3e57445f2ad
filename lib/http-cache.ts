/**
 * How long shared caches (a CDN, a proxy) and browsers may keep a share's JSON and page. Short, because a
 * deleted share stops answering only where the copy is ours: a CDN may serve its copy until `sMaxAge` has
 * passed, and `staleWhileRevalidate` more while it asks us again (and then learns of the 404).
 */
export const SHARE_CACHE = { maxAge: 60, sMaxAge: 300, staleWhileRevalidate: 60 } as const;

/** The longest a deleted share may still be served by a cache, in whole minutes (said when deleting). */
export const SHARE_CACHE_MINUTES = Math.ceil((SHARE_CACHE.sMaxAge + SHARE_CACHE.staleWhileRevalidate) / 60);

export const SHARE_CACHE_CONTROL = `public, max-age=${SHARE_CACHE.maxAge}, s-maxage=${SHARE_CACHE.sMaxAge}, stale-while-revalidate=${SHARE_CACHE.staleWhileRevalidate}`;

/**
 * The prerendered workspace: the same for everyone, but it names this build's script files, so a shared cache
 * keeps it as briefly as a share (a deploy reaches readers within minutes), and browsers always ask again.
 */
export const WORKSPACE_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARE_CACHE.sMaxAge}, stale-while-revalidate=${SHARE_CACHE.staleWhileRevalidate}`;

/**
 * Whether an If-None-Match header names this ETag: a list, `*`, and weak tags (If-None-Match compares
 * weakly, RFC 9110 §13.1.2).
 */
export function matchesEntityTag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}
