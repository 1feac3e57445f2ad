/**
 * Bench 6: the JavaScript a first visit to `/en` downloads, from the production build: every script the
 * page's HTML loads or preloads, fetched from `next start` and gzipped (level 9, as bundle-size tools
 * report), added up. It also checks that the model runtime (transformers.js, onnxruntime) is in none of
 * them, and that it is in the chunks of the pipeline worker instead.
 */
import { gzipSync } from 'node:zlib';
import type { BenchRow, BenchSection } from './report';
import { withServer } from './server';
import { round } from './stats';

const TARGET_KB = 180;
/** Strings only the model runtime's code contains (checked against the build: none in the app's own chunks). */
const RUNTIME_MARKERS = ['onnxruntime', 'InferenceSession', '@huggingface/transformers'];

interface Asset {
  url: string;
  bytes: number;
  gzipBytes: number;
  markers: string[];
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");
}

/**
 * Every script a current browser runs or preloads for the HTML (`<script src>`, `modulepreload`, `preload
 * as=script`). `nomodule` scripts (Next's polyfills for browsers without ES modules) are left out: no
 * browser that runs the pipeline worker downloads them.
 */
export function scriptUrls(html: string, base: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1];
    if (src && !/\snomodule\b/i.test(tag)) urls.add(new URL(decodeEntities(src), base).href);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\srel="([^"]+)"/i.exec(tag)?.[1] ?? '';
    const as = /\sas="([^"]+)"/i.exec(tag)?.[1];
    const href = /\shref="([^"]+)"/i.exec(tag)?.[1];
    if (href && (rel === 'modulepreload' || (rel === 'preload' && as === 'script'))) {
      urls.add(new URL(decodeEntities(href), base).href);
    }
  }
  return [...urls];
}

/**
 * The chunks the pipeline worker loads, as the page's code names them when it starts the worker (Turbopack
 * passes them to its worker bootstrap: `"static/chunks/turbopack-worker-….js",["static/chunks/….js",…]`).
 */
export function workerChunkUrls(code: string, base: string): string[] {
  const urls = new Set<string>();
  for (const match of code.matchAll(/"static\/chunks\/turbopack-worker-[^"]+\.js",\[([^\]]*)\]/g)) {
    for (const [, path] of match[1]!.matchAll(/"([^"]+)"/g)) urls.add(new URL(`/_next/${path}`, base).href);
  }
  return [...urls];
}

export async function fetchAsset(url: string): Promise<Asset & { text: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const text = body.toString('utf8');
  return {
    url,
    text,
    bytes: body.length,
    gzipBytes: gzipSync(body, { level: 9 }).length,
    markers: RUNTIME_MARKERS.filter((marker) => text.includes(marker)),
  };
}

const kB = (bytes: number) => bytes / 1000;
const path = (url: string) => new URL(url).pathname;

export function benchPageWeight(): Promise<BenchSection> {
  return withServer(async ({ origin }) => {
    const page = await fetch(`${origin}/en`);
    if (!page.ok) throw new Error(`GET /en: HTTP ${page.status}`);
    const html = await page.text();
    const scripts = await Promise.all(scriptUrls(html, origin).map(fetchAsset));
    const firstLoad = new Set(scripts.map((s) => s.url));
    const workerUrls = scripts.flatMap((s) => workerChunkUrls(s.text, origin));
    const worker = await Promise.all(workerUrls.map(fetchAsset));

    const gzip = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
    const withRuntime = scripts.filter((s) => s.markers.length > 0);
    const workerWithRuntime = worker.filter((s) => s.markers.length > 0 && !firstLoad.has(s.url));
    const rows: BenchRow[] = [
      {
        metric: 'first-load JS of /en (gzip -9)',
        value: kB(gzip),
        unit: 'kB',
        note: `${scripts.length} scripts, ${kB(scripts.reduce((sum, s) => sum + s.bytes, 0)).toFixed(0)} kB raw; target ≤ ${TARGET_KB} kB (${kB(gzip) <= TARGET_KB ? 'met' : 'missed'})`,
      },
      {
        metric: 'first-load scripts with model-runtime code',
        value: withRuntime.length,
        unit: 'files',
        note: withRuntime.length
          ? `MISSED: ${withRuntime.map((s) => `${path(s.url)} (${s.markers.join(', ')})`).join('; ')}`
          : 'none (target: none)',
      },
      {
        metric: 'worker-only chunks with model-runtime code',
        value: workerWithRuntime.length,
        unit: 'files',
        note: workerWithRuntime.length
          ? `${workerWithRuntime.map((s) => `${path(s.url)}, ${kB(s.gzipBytes).toFixed(0)} kB gzip`).join('; ')}`
          : `not found in the ${worker.length} worker chunks: check the markers against the build`,
      },
    ];
    const describe = ({ url, bytes, gzipBytes, markers }: Asset) => ({
      path: path(url),
      bytes,
      gzipBytes,
      markers,
    });
    return {
      name: 'page-weight',
      rows,
      details: {
        firstLoadGzipKB: round(kB(gzip)),
        htmlBytes: Buffer.byteLength(html),
        htmlGzipBytes: gzipSync(html, { level: 9 }).length,
        scripts: scripts.map(describe),
        workerChunks: worker.map(describe),
      },
    };
  });
}
