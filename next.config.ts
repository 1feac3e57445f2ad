import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { CLIENT_VARIABLES, parseEnv } from './lib/env';
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS, SHARE_IMAGE_HEADERS } from './lib/security-headers';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

// Read by `next build`, `next dev` and `next start` before anything else: a bad variable stops them here.
const env = parseEnv(process.env);

const nextConfig: NextConfig = {
  // Native bindings and ONNX runtimes load their own binaries at run time; bundling them breaks that.
  serverExternalPackages: ['@huggingface/transformers', 'onnxruntime-node', 'better-sqlite3'],
  poweredByHeader: false,
  // The client half of the environment, checked: the workspace and the API enforce the same limits.
  env: Object.fromEntries(CLIENT_VARIABLES.map((name) => [name, String(env[name])])),
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }],
      },
      { source: '/:locale/s/:id/opengraph-image', headers: SHARE_IMAGE_HEADERS },
      // Revalidated on every check, so a new build's service worker (and its fresh cache) is found at once.
      { source: '/sw.js', headers: [{ key: 'Cache-Control', value: 'no-cache' }] },
    ];
  },
  turbopack: {
    resolveAlias: {
      // The browser worker's ONNX runtime: the build made for a .wasm served separately (we serve it from
      // /ort/, see scripts/copy-ort.ts). The default build would make Turbopack copy a 21.6 MB .wasm that
      // nothing requests into .next/static/media.
      'onnxruntime-web': { browser: './node_modules/onnxruntime-web/dist/ort.min.mjs' },
    },
  },
};

export default withNextIntl(nextConfig);
