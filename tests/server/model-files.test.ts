import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The route serves the folder the server engine loads from: the fixture models under this profile.
vi.hoisted(() => {
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
});

import { GET, HEAD } from '@/app/models/[...path]/route';
import { findModelFile, parseRange, serveModelFile } from '@/lib/server/model-files';

let base: string;
let root: string;
const weights = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'bitext-model-files-'));
  root = join(base, 'models');
  mkdirSync(join(root, 'Xenova', 'opus-mt-en-ru', 'onnx'), { recursive: true });
  writeFileSync(join(root, 'Xenova', 'opus-mt-en-ru', 'config.json'), '{"model_type":"marian"}');
  writeFileSync(join(root, 'Xenova', 'opus-mt-en-ru', 'onnx', 'encoder_model_quantized.onnx'), weights);
  writeFileSync(join(root, 'Xenova', 'opus-mt-en-ru', '.secret'), 'hidden');
  writeFileSync(join(base, 'outside.json'), '{"secret":true}');
  // A link that stays inside the folder is fine (hub-style snapshots); one that leaves it is not.
  symlinkSync(join(root, 'Xenova', 'opus-mt-en-ru', 'config.json'), join(root, 'Xenova', 'alias.json'));
  symlinkSync(join(base, 'outside.json'), join(root, 'Xenova', 'escape.json'));
  symlinkSync(base, join(root, 'parent'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function get(headers: Record<string, string> = {}, method = 'GET'): Request {
  return new Request('http://127.0.0.1/models/x', { method, headers });
}

const CONFIG = ['Xenova', 'opus-mt-en-ru', 'config.json'];
const ENCODER = ['Xenova', 'opus-mt-en-ru', 'onnx', 'encoder_model_quantized.onnx'];

describe('findModelFile', () => {
  it.each([
    ['a parent step', ['Xenova', '..', '..', 'outside.json']],
    ['a dot segment', ['Xenova', '.', 'opus-mt-en-ru', 'config.json']],
    ['an absolute path', ['/etc/passwd']],
    ['an empty segment (leading slash)', ['', 'etc', 'passwd']],
    ['a decoded %2F', ['Xenova/opus-mt-en-ru', 'config.json']],
    ['a double-encoded %2F', ['Xenova%2Fopus-mt-en-ru', 'config.json']],
    ['an encoded parent step left encoded', ['%2e%2e', 'outside.json']],
    ['a backslash', ['..\\outside.json']],
    ['a NUL byte', ['Xenova', 'opus-mt-en-ru', 'config.json\0.onnx']],
    ['a hidden file', ['Xenova', 'opus-mt-en-ru', '.secret']],
    ['a symlink out of the folder', ['Xenova', 'escape.json']],
    ['a path through a symlinked parent', ['parent', 'outside.json']],
    ['a directory', ['Xenova', 'opus-mt-en-ru']],
    ['a missing file', ['Xenova', 'opus-mt-en-ru', 'tokenizer.json']],
    ['nothing at all', []],
  ])('refuses %s with not_found', async (_, segments) => {
    await expect(findModelFile(root, segments)).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });

  it('refuses everything when the folder itself is missing', async () => {
    await expect(findModelFile(join(base, 'no-such-dir'), CONFIG)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('follows a symlink that stays inside the folder', async () => {
    const file = await findModelFile(root, ['Xenova', 'alias.json']);
    expect(file.path).toBe(join(base, 'models', 'Xenova', 'opus-mt-en-ru', 'config.json'));
  });

  it('types JSON and ONNX files and caches weights for a year', async () => {
    const config = await findModelFile(root, CONFIG);
    expect(config).toMatchObject({ contentType: 'application/json', cacheControl: 'public, max-age=300' });
    const encoder = await findModelFile(root, ENCODER);
    expect(encoder).toMatchObject({
      contentType: 'application/octet-stream',
      cacheControl: 'public, max-age=31536000, immutable',
      size: 1000,
    });
    expect(encoder.etag).toMatch(/^"3e8-[0-9a-f]+"$/);
  });
});

describe('serveModelFile', () => {
  it('sends a JSON file with its length, type, validators and caching', async () => {
    const response = await serveModelFile(get(), root, CONFIG);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/json',
      'content-length': '23',
      'cache-control': 'public, max-age=300',
      'accept-ranges': 'bytes',
    });
    expect(response.headers.get('etag')).toMatch(/^"17-/);
    expect(await response.json()).toEqual({ model_type: 'marian' });
  });

  it('repeats the length in X-Content-Length, which Next.js lets through to the browser worker', async () => {
    const full = await serveModelFile(get({}, 'HEAD'), root, ENCODER);
    expect(full.headers.get('x-content-length')).toBe('1000');
    const part = await serveModelFile(get({ range: 'bytes=-10' }), root, ENCODER);
    expect(part.headers.get('x-content-length')).toBe('10');
  });

  it('sends the exact bytes of an ONNX file', async () => {
    const response = await serveModelFile(get(), root, ENCODER);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await response.arrayBuffer()).equals(weights)).toBe(true);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await serveModelFile(get({}, 'HEAD'), root, ENCODER);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.body).toBeNull();
  });

  it('answers 304 when the browser already has this version', async () => {
    const { headers } = await serveModelFile(get(), root, ENCODER);
    const etag = headers.get('etag')!;
    expect((await serveModelFile(get({ 'if-none-match': etag }), root, ENCODER)).status).toBe(304);
    expect((await serveModelFile(get({ 'if-none-match': `W/${etag}` }), root, ENCODER)).status).toBe(304);
    expect((await serveModelFile(get({ 'if-none-match': '"other"' }), root, ENCODER)).status).toBe(200);
    const since = headers.get('last-modified')!;
    expect((await serveModelFile(get({ 'if-modified-since': since }), root, ENCODER)).status).toBe(304);
  });

  it('sends a byte range', async () => {
    const response = await serveModelFile(get({ range: 'bytes=10-19' }), root, ENCODER);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(response.headers.get('content-length')).toBe('10');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
  });

  it('sends the whole file when If-Range names an older version', async () => {
    const response = await serveModelFile(get({ range: 'bytes=10-19', 'if-range': '"old"' }), root, ENCODER);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('1000');
  });

  it('refuses a range past the end with 416 and a coded error', async () => {
    const response = await serveModelFile(get({ range: 'bytes=5000-' }), root, ENCODER);
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */1000');
    expect((await response.json()).error.code).toBe('bad_request');
  });

  it('answers a traversal attempt with the same 404 JSON as a missing file', async () => {
    const escape = await serveModelFile(get(), root, ['Xenova', 'escape.json']);
    const missing = await serveModelFile(get(), root, ['Xenova', 'missing.json']);
    expect(escape.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await escape.json()).error.code).toBe('not_found');
    expect((await missing.json()).error.code).toBe('not_found');
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-0', { start: 0, end: 0 }],
    ['bytes=990-', { start: 990, end: 999 }],
    ['bytes=-10', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=0-1,5-6', undefined],
    ['bytes=9-1', undefined],
    ['items=0-1', undefined],
    ['bytes=-', undefined],
  ])('%s of 1000 bytes → %j', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe('GET /models/[...path]', () => {
  const params = (path: string[]) => ({ params: Promise.resolve({ path }) });

  it('serves the fixture models the server itself loads', async () => {
    const response = await GET(get(), params(['bitext-fixtures', 'translit-ru', 'config.json']));
    expect(response.status).toBe(200);
    expect((await response.json()).model_type).toBe('marian');
  });

  it('answers HEAD for an ONNX file with its size', async () => {
    const path = ['bitext-fixtures', 'translit-ru', 'onnx', 'encoder_model_quantized.onnx'];
    const response = await HEAD(get({}, 'HEAD'), params(path));
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('gives 404 not_found for the model the fixtures leave out', async () => {
    const response = await GET(get(), params(['bitext-fixtures', 'missing-ar', 'config.json']));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });
});
