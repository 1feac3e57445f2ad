import { describe, expect, it } from 'vitest';
import { swStrategy } from '@/lib/offline/sw-routes';

const ORIGIN = 'https://bitext.example';
const at = (path: string) => new URL(path, ORIGIN);

describe('swStrategy', () => {
  it('fetches the workspace HTML network-first so a new build is picked up', () => {
    for (const path of ['/en', '/ru', '/zh', '/hi'])
      expect(swStrategy(at(path), ORIGIN)).toBe('network-first');
  });

  it('caches hashed build files and the onnxruntime-web files cache-first', () => {
    expect(swStrategy(at('/_next/static/chunks/app-123abc.js'), ORIGIN)).toBe('cache-first');
    expect(swStrategy(at('/_next/static/media/font.woff2'), ORIGIN)).toBe('cache-first');
    expect(swStrategy(at('/ort/ort-wasm-simd-threaded.jsep.wasm'), ORIGIN)).toBe('cache-first');
  });

  it('never caches API answers, share pages, model files or other origins', () => {
    expect(swStrategy(at('/api/process'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/api/share/abc'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/en/s/abc123'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/models/Xenova/x/onnx/model.onnx'), ORIGIN)).toBe('never');
    expect(swStrategy(new URL('https://other.example/_next/static/a.js'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/fr'), ORIGIN)).toBe('never');
  });
});
