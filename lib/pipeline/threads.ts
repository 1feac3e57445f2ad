/**
 * How many WebAssembly threads onnxruntime-web runs in the browser worker. Threads need SharedArrayBuffer,
 * which only a cross-origin isolated page has (lib/security-headers.ts). One per core, up to 4: the
 * runtime's own default is half the cores, which leaves a 2-core machine on one; beyond 4 the small
 * matrices of a translation step gain little.
 */
const MAX_WASM_THREADS = 4;

export function wasmThreads(crossOriginIsolated: boolean, cores: number | undefined): number {
  return crossOriginIsolated ? Math.max(1, Math.min(MAX_WASM_THREADS, cores ?? 1)) : 1;
}
