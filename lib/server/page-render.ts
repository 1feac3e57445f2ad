import 'server-only';
import { request as httpRequest } from 'node:http';
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

/** On proxy.ts's own request for a page it will keep: that request is rendered by Next.js, as any other is. */
export const RENDER_HEADER = 'x-bitext-render';

/** What a page reads from its request besides its URL (the share page: absolute preview URLs). */
const RENDERED_FROM = ['host', 'x-forwarded-proto'];

/**
 * The page at `path` as Next.js renders it for a request with these headers, asked of this very server at
 * the address `next start` listens on (where Next.js itself sends the server actions it forwards). Over
 * node:http, as fetch() would not send our Host header. Undefined unless it answers 200, or when there is no
 * such address (another server than `next start`): the request is then rendered as any other.
 */
export function renderedByNext(path: string, headers: Headers): Promise<Uint8Array | undefined> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!origin?.startsWith('http:')) return Promise.resolve(undefined);
  const self = new URL(origin);
  const sent: Record<string, string> = { [RENDER_HEADER]: '1', 'accept-encoding': 'identity' };
  for (const name of RENDERED_FROM) {
    const value = headers.get(name);
    if (value !== null) sent[name] = value;
  }
  return new Promise((resolve) => {
    const failed = (error: Error) => {
      console.error('page-render: rendering a page to keep failed', error);
      resolve(undefined);
    };
    const hostname = self.hostname.replace(/^\[(.*)\]$/, '$1');
    const request = httpRequest({ hostname, port: self.port, path, headers: sent }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        resolve(undefined);
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      response.on('error', failed);
    });
    request.on('error', failed);
    request.end();
  });
}
