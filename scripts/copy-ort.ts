/**
 * Runs before `build` and `dev`: copies the onnxruntime-web runtime the browser worker loads into
 * public/ort/, so it comes from our own origin (transformers.js would otherwise fetch it from a CDN).
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * What the web build of onnxruntime-web (WebGPU + WebAssembly, "jsep") fetches once `wasmPaths` is set:
 * the Emscripten glue it imports and the binary that glue instantiates. Its threads (the page is
 * cross-origin isolated) are workers started from that same glue, so nothing else is requested.
 */
const FILES = ['ort-wasm-simd-threaded.jsep.mjs', 'ort-wasm-simd-threaded.jsep.wasm'];

const target = path.resolve('public', 'ort');

/** The copy transformers.js itself imports, so the runtime matches the JavaScript bundled with it. */
function ortDist(): string {
  const require = createRequire(import.meta.url);
  const transformers = require.resolve('@huggingface/transformers');
  const ortMain = createRequire(transformers).resolve('onnxruntime-web');
  return path.dirname(ortMain);
}

function main(): void {
  const source = ortDist();
  // Start clean so a file a previous runtime version needed does not linger.
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const name of FILES) {
    copyFileSync(path.join(source, name), path.join(target, name));
  }
  const total = FILES.reduce((sum, name) => sum + statSync(path.join(target, name)).size, 0);
  console.log(`copy-ort: ${FILES.length} files (${(total / 1e6).toFixed(1)} MB) from ${source} to ${target}`);
}

main();
