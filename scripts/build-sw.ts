/**
 * Runs after `next build`: bundles workers/service-worker.ts into public/sw.js, with the build's id (which
 * names its cache: each build gets a fresh one and the old one is deleted on activate) and the list of what
 * it precaches on install: the shell and every file of the build's `_next/static` and of public/ that it
 * serves (lib/offline/sw-routes.ts decides which).
 */
import { buildSync } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { precacheUrls } from '@/lib/offline/sw-routes';

const BUILD = path.resolve('.next');
const PUBLIC = path.resolve('public');
// Only for resolving the paths into URLs: the worker runs on whatever origin serves the app.
const ORIGIN = 'http://localhost';

/** The files under `dir`, as URL paths under `prefix`. */
function urlPaths(dir: string, prefix: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map(
      (entry) =>
        `${prefix}/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`,
    );
}

function main(): void {
  let version: string;
  try {
    version = readFileSync(path.join(BUILD, 'BUILD_ID'), 'utf8').trim();
  } catch {
    throw new Error(
      'build-sw: no .next/BUILD_ID: run `npm run build` (it runs this script after next build)',
    );
  }
  const precache = precacheUrls(
    [...urlPaths(path.join(BUILD, 'static'), '/_next/static'), ...urlPaths(PUBLIC, '')],
    ORIGIN,
  );
  buildSync({
    entryPoints: [path.resolve('workers', 'service-worker.ts')],
    outfile: path.join(PUBLIC, 'sw.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    define: { SW_VERSION: JSON.stringify(version), SW_PRECACHE: JSON.stringify(precache) },
    alias: { '@': path.resolve('.') },
  });
  const bytes = precache
    .map((url) =>
      url.startsWith('/_next/static/')
        ? path.join(BUILD, url.slice('/_next'.length))
        : path.join(PUBLIC, url),
    )
    .reduce((sum, file) => sum + (statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
  console.log(
    `build-sw: service worker ${version} -> public/sw.js, precaching ${precache.length} URLs (${(bytes / 1e6).toFixed(1)} MB of files, plus the shell pages)`,
  );
}

main();
