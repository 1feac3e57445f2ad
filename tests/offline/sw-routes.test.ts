import { describe, expect, it } from 'vitest';
import { cacheKey, precacheUrls, swStrategy } from '@/lib/offline/sw-routes';

const ORIGIN = 'https://bitext.example';
const at = (path: string) => new URL(path, ORIGIN);

describe('swStrategy', () => {
  it('fetches the app shell network-first so a new build is picked up', () => {
    for (const path of ['/en', '/ru', '/zh', '/hi', '/en/manifest.webmanifest', '/icon.svg?icon.1ps.svg'])
      expect(swStrategy(at(path), ORIGIN)).toBe('network-first');
  });

  it('caches hashed build files, the onnxruntime-web and the pdf.js files cache-first', () => {
    expect(swStrategy(at('/_next/static/chunks/app-123abc.js'), ORIGIN)).toBe('cache-first');
    expect(swStrategy(at('/_next/static/media/font.woff2'), ORIGIN)).toBe('cache-first');
    expect(swStrategy(at('/ort/ort-wasm-simd-threaded.jsep.wasm'), ORIGIN)).toBe('cache-first');
    expect(swStrategy(at('/pdfjs/pdf.worker.min.mjs'), ORIGIN)).toBe('cache-first');
  });

  it('never caches API answers, share pages, RSC payloads, model files or other origins', () => {
    expect(swStrategy(at('/api/v1/languages'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/api/v1/shares/abc'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/en/s/abc123'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/en?_rsc=1x2y'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/models/Xenova/x/onnx/model.onnx'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/sw.js'), ORIGIN)).toBe('never');
    expect(swStrategy(new URL('https://other.example/_next/static/a.js'), ORIGIN)).toBe('never');
    expect(swStrategy(at('/fr'), ORIGIN)).toBe('never');
  });
});

describe('cacheKey', () => {
  it('keeps one copy of a shell page whatever its query, and build files by their full URL', () => {
    expect(cacheKey(at('/en?text=1'), 'network-first')).toBe(`${ORIGIN}/en`);
    expect(cacheKey(at('/icon.svg?icon.1ps.svg'), 'network-first')).toBe(`${ORIGIN}/icon.svg`);
    expect(cacheKey(at('/_next/static/a.js?v=2'), 'cache-first')).toBe(`${ORIGIN}/_next/static/a.js?v=2`);
  });
});

describe('precacheUrls', () => {
  it('is the shell and the build and runtime files, without source maps, the worker itself or anything else', () => {
    const files = [
      '/_next/static/chunks/b.js',
      '/_next/static/chunks/a.js',
      '/_next/static/chunks/a.js.map',
      '/_next/static/media/font.woff2',
      '/ort/ort-wasm-simd-threaded.jsep.wasm',
      '/pdfjs/pdf.worker.min.mjs',
      '/sw.js',
      '/robots.txt',
    ];
    expect(precacheUrls(files, ORIGIN)).toEqual([
      '/en',
      '/en/manifest.webmanifest',
      '/ru',
      '/ru/manifest.webmanifest',
      '/zh',
      '/zh/manifest.webmanifest',
      '/hi',
      '/hi/manifest.webmanifest',
      '/icon.svg',
      '/_next/static/chunks/a.js',
      '/_next/static/chunks/b.js',
      '/_next/static/media/font.woff2',
      '/ort/ort-wasm-simd-threaded.jsep.wasm',
      '/pdfjs/pdf.worker.min.mjs',
    ]);
  });
});
