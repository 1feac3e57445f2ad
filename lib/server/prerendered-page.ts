import 'server-only';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { processGlobal } from '@/lib/process-global';
import { WORKSPACE_KEY_META } from './workspace-key';

/** A page prerendered by `next build`, as proxy.ts serves it under a strict CSP without asking Next.js. */
export interface PrerenderedPage {
  /** The workspace key it was rendered with (lib/server/workspace-key.ts). */
  key: string | undefined;
  /** A CSP hash source (`'sha256-…'`) for each of its inline scripts. */
  scriptHashes: string[];
  /** The HTML as built. */
  html: Uint8Array<ArrayBuffer>;
  /** A strong ETag of `html`. */
  etag: string;
}

// Where `next build` writes an App Router page it prerendered: `.next/server/app/<route>.html`.
const BUILD_PAGES = path.join(process.cwd(), '.next', 'server', 'app');

/** Inline scripts: any `<script>` without a `src`. Their text is raw (no entities), hashed as it stands. */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

export function readPrerenderedPage(bytes: Uint8Array<ArrayBuffer>): PrerenderedPage {
  const html = new TextDecoder().decode(bytes);
  const key = new RegExp(`<meta name="${WORKSPACE_KEY_META}" content="([^"]*)"`).exec(html)?.[1];
  const scriptHashes = [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
  );
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { key, scriptHashes, html: bytes, etag };
}

const pages = processGlobal('prerendered-pages', () => new Map<string, PrerenderedPage | null>());

/**
 * The page `next build` prerendered at `route` (a fixed name such as `en`, never a request's own text), read
 * once per process; undefined when there is none (`next dev`, or a route rendered per request).
 */
export function prerenderedPage(route: string): PrerenderedPage | undefined {
  const cache = pages.get();
  if (!cache.has(route)) {
    let page: PrerenderedPage | null = null;
    try {
      page = readPrerenderedPage(new Uint8Array(readFileSync(path.join(BUILD_PAGES, `${route}.html`))));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    cache.set(route, page);
  }
  return cache.get(route) ?? undefined;
}
