import 'server-only';
import { LRUCache } from 'lru-cache';

import { SHARE_CACHE } from '@/lib/http-cache';
import { processGlobal } from '@/lib/process-global';

/** A rendered page as proxy.ts sends it (Next.js compresses it on the way out). */
export interface PageRender {
  html: Uint8Array<ArrayBuffer>;
}

export interface PageRenders {
  /**
   * The render of share `id`'s page kept under `etag` (the page's own, one per representation), or
   * `render`'s, kept for next time. Requests that miss together wait for one render. Undefined when `render`
   * gives nothing (the page did not answer 200): nothing is kept, the next request renders again.
   */
  get(
    id: string,
    key: string,
    render: () => Promise<Uint8Array | undefined>,
  ): Promise<PageRender | undefined>;
  /** Forgets every render of share `id` (deleted, or expired). */
  evict(id: string): void;
}

export interface PageRendersOptions {
  /** The budget for HTML bytes; the least recently used render goes first. */
  maxBytes: number;
  /** How long a render is kept at most, however hot: a deleted share's page leaves memory by then. */
  ttlMs: number;
}

interface Entry extends PageRender {
  id: string;
}

export function createPageRenders({ maxBytes, ttlMs }: PageRendersOptions): PageRenders {
  // Which keys hold each share's renders, so that evicting a share finds them all.
  const keysOf = new Map<string, Set<string>>();
  const renders = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => entry.html.length,
    ttl: ttlMs,
    dispose: (entry, key) => {
      const keys = keysOf.get(entry.id);
      keys?.delete(key);
      if (keys?.size === 0) keysOf.delete(entry.id);
    },
  });
  const inFlight = new Map<string, Promise<PageRender | undefined>>();

  async function renderAndKeep(id: string, key: string, render: () => Promise<Uint8Array | undefined>) {
    const bytes = await render();
    if (!bytes) return undefined;
    const entry: Entry = { id, html: new Uint8Array(bytes) };
    // One render larger than the whole budget is sent, not kept.
    if (bytes.length > maxBytes) return entry;
    renders.set(key, entry);
    keysOf.set(id, (keysOf.get(id) ?? new Set()).add(key));
    return entry;
  }

  return {
    get(id, etag, render) {
      const key = `${id}\n${etag}`;
      const kept = renders.get(key);
      if (kept) return Promise.resolve(kept);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = renderAndKeep(id, key, render).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
    evict(id) {
      for (const key of [...(keysOf.get(id) ?? [])]) renders.delete(key);
    },
  };
}

/** Room for about 160 share pages of the seed article's size (100 kB of HTML). */
const PAGE_RENDER_BYTES = 16 * 1024 * 1024;

const appRenders = processGlobal('page-renders', () =>
  createPageRenders({ maxBytes: PAGE_RENDER_BYTES, ttlMs: SHARE_CACHE.sMaxAge * 1000 }),
);

/** The app's share-page renders (one set per process, like the hot share cache beside it). */
export function pageRenders(): PageRenders {
  return appRenders.get();
}
