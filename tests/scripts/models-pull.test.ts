import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFiles, modelsForLanguages } from '@/lib/models/registry';
import { defaultFixturesRoot } from '@/scripts/fixtures/generate-fixtures';
import { pullModels, type PullProgress } from '@/scripts/models/pull';

/**
 * A stand-in hub on 127.0.0.1 that serves the fixture models at `<id>/resolve/main/<file>`, with HEAD
 * and Range support like the real one. `lie` makes its HEAD announce a wrong size for one file.
 */
const requests: { method: string; url: string; range?: string }[] = [];
let lie: string | undefined;
let server: Server;
let hubUrl: string;

beforeAll(async () => {
  const root = defaultFixturesRoot();
  server = createServer(async (req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', range: req.headers.range });
    const match = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    const file = match && path.join(root, match[1]!, match[2]!);
    const size: number | undefined = file
      ? await stat(file).then(
          (s) => s.size,
          () => undefined,
        )
      : undefined;
    if (!file || size === undefined) {
      res.writeHead(404).end();
      return;
    }
    const announced = req.method === 'HEAD' && lie && req.url?.endsWith(lie) ? size + 10 : size;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    res.writeHead(range ? 206 : 200, {
      'content-length': String(announced - start),
      ...(range ? { 'content-range': `bytes ${start}-${size - 1}/${size}` } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file, { start }).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const specs = modelsForLanguages('fixtures', ['ru', 'hi']);

describe('pullModels', () => {
  it('fetches every registry file for the languages into the models folder, byte for byte', async () => {
    const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'bitext-pull-'));
    const progress: PullProgress[] = [];
    await pullModels(specs, { hubUrl, modelsDir, onProgress: (p) => progress.push(p) });
    expect(specs.map((s) => s.id)).toEqual([
      'bitext-fixtures/upper',
      'bitext-fixtures/translit-ru',
      'bitext-fixtures/translit-hi',
    ]);
    for (const spec of specs) {
      for (const file of modelFiles(spec)) {
        const pulled = await readFile(path.join(modelsDir, spec.id, file));
        expect(pulled.equals(await readFile(path.join(defaultFixturesRoot(), spec.id, file)))).toBe(true);
      }
    }
    expect(progress.at(-1)).toMatchObject({ model: 'bitext-fixtures/translit-hi' });
    expect(progress.every((p) => p.loaded <= p.total)).toBe(true);

    // A second run finds everything in place and downloads nothing.
    requests.length = 0;
    await pullModels(specs, { hubUrl, modelsDir });
    expect(requests.filter((r) => r.method === 'GET')).toEqual([]);
  });

  it('with --device webgpu also fetches the files WebGPU loads (the fixtures: fp32)', async () => {
    const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'bitext-pull-'));
    const [spec] = specs;
    await pullModels([spec!], { hubUrl, modelsDir, devices: ['webgpu'] });
    for (const file of [
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
      'onnx/encoder_model.onnx',
      'onnx/decoder_model_merged.onnx',
    ]) {
      expect((await stat(path.join(modelsDir, spec!.id, file))).size).toBeGreaterThan(0);
    }
  });

  it('resumes a partial download with a Range request', async () => {
    const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'bitext-pull-'));
    const [spec] = specs;
    const file = 'onnx/decoder_model_merged_quantized.onnx';
    const original = await readFile(path.join(defaultFixturesRoot(), spec!.id, file));
    const target = path.join(modelsDir, spec!.id, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(`${target}.part`, original.subarray(0, 100));
    requests.length = 0;
    await pullModels([spec!], { hubUrl, modelsDir });
    expect(requests).toContainEqual({
      method: 'GET',
      url: `/${spec!.id}/resolve/main/${file}`,
      range: 'bytes=100-',
    });
    expect((await readFile(target)).equals(original)).toBe(true);
  });

  it('refuses a file whose size does not match what the hub announced', async () => {
    const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'bitext-pull-'));
    lie = 'tokenizer.json';
    try {
      await expect(pullModels(specs, { hubUrl, modelsDir })).rejects.toThrow(
        /tokenizer\.json: got \d+ bytes, expected \d+/,
      );
    } finally {
      lie = undefined;
    }
  });
});
