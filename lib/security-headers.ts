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
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Share links are unguessable URLs: never send the path to another site.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), browsing-topics=()' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/** API answers are data, never documents: nothing in them may load or run. */
export const API_CONTENT_SECURITY_POLICY = `default-src 'none'; frame-ancestors 'none'`;
