/**
 * Security headers. Pages get a Content-Security-Policy (set in proxy.ts); everything gets the headers below.
 */

/** How a page's scripts are allowed: by a nonce Next.js puts on them, or by the hashes of its inline ones. */
export type ScriptSources = { nonce: string } | { hashes: readonly string[] };

/**
 * - scripts, on a page rendered per request: only ours, by nonce ('strict-dynamic' lets Next's nonce'd
 *   loader pull its chunks). On a prerendered page, which has no nonce: the hashes of its inline scripts,
 *   and script files from 'self' ('strict-dynamic' would ignore 'self' and need a hash of every file).
 *   'wasm-unsafe-eval' lets onnxruntime-web compile WebAssembly, nothing else is evaluated.
 * - worker-src 'self': the pipeline worker is a same-origin chunk; the models and wasm it loads come from
 *   our own /models and /ort (or the hub, fetched inside the worker).
 * - style-src 'unsafe-inline': React style attributes (progress bars); styles cannot run code.
 */
export function contentSecurityPolicy(scripts: ScriptSources, { dev = false } = {}): string {
  const allowed = 'nonce' in scripts ? `'nonce-${scripts.nonce}' 'strict-dynamic'` : scripts.hashes.join(' ');
  return [
    `default-src 'self'`,
    `script-src 'self' ${allowed} 'wasm-unsafe-eval'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** Sent with every response (next.config.ts). */
export const SECURITY_HEADERS = [
  // Cross-origin isolation: with it the page and its worker get SharedArrayBuffer, which onnxruntime-web needs
  // to run WebAssembly threads. `require-corp` over `credentialless` because every subresource is ours (fonts,
  // runtime, models at /models/) and the only cross-origin fetch, the model hub's, is CORS, which it answers
  // and which needs no CORP; Safari knows only `require-corp`. On every response, the worker's script too:
  // a dedicated worker is isolated only if its own script says so.
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Share links are unguessable URLs: never send the path to another site.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), browsing-topics=()' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/**
 * A share's link preview is meant for other sites: a page of theirs that requires CORP may still show it.
 * (Everything else needs no CORP header: our own pages load it same-origin.)
 */
export const SHARE_IMAGE_HEADERS = [{ key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' }];

/** API answers are data, never documents: nothing in them may load or run. */
export const API_CONTENT_SECURITY_POLICY = `default-src 'none'; frame-ancestors 'none'`;
