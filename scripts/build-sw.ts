/**
 * Runs before `build` and `dev`: bundles workers/service-worker.ts into public/sw.js. The version stamped
 * into it names the cache, so each build gets a fresh shell cache and the old one is deleted on activate.
 */
import { buildSync } from 'esbuild';
import path from 'node:path';

const version = process.env.BITEXT_SW_VERSION ?? Date.now().toString(36);

buildSync({
  entryPoints: [path.resolve('workers', 'service-worker.ts')],
  outfile: path.resolve('public', 'sw.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2022',
  define: { SW_VERSION: JSON.stringify(version) },
  alias: { '@': path.resolve('.') },
});
console.log(`service worker ${version} -> public/sw.js`);
