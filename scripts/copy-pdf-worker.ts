/**
 * Runs before `build` and `dev`: copies pdf.js's worker into public/pdfjs/, so "Open a file" loads it from our
 * own origin (the CSP allows workers from 'self' only, and cross-origin isolation would refuse a CDN's).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { PDF_WORKER_URL } from '@/lib/files/pdf';

const require = createRequire(import.meta.url);
// The build lib/files/pdf.ts imports: the worker must be the same version as the API that starts it.
const source = path.join(
  path.dirname(require.resolve('pdfjs-dist/package.json')),
  'legacy/build/pdf.worker.min.mjs',
);
const target = path.join('public', PDF_WORKER_URL);
mkdirSync(path.dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`copy-pdf-worker: ${source} to ${target}`);
