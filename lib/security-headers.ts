/**
 * Security headers. Pages get a Content-Security-Policy with a fresh nonce per request (set in proxy.ts;
 * Next.js reads the nonce from it and puts it on its own scripts); everything gets the headers below.
 */

/**
 * - scripts: only ours, by nonce ('strict-dynamic' lets Next's nonce'd loader pull its chunks);
 *   'wasm-unsafe-eval' lets onnxruntime-web compile WebAssembly, nothing else is evaluated.
 * - worker-src 'self': the pipeline worker is a same-origin chunk; the models and wasm it loads come from
 *   our own /models and /ort (or the hub, fetched inside the worker).
 * - style-src 'unsafe-inline': React style attributes (progress bars); styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${dev ? ` 'unsafe-eval'` : ''}`,
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
