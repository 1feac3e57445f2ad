import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translationRoute } from '@/lib/models/registry';
import { translateSentences } from '@/lib/pipeline/translate';
import { defaultFixturesRoot } from '@/scripts/fixtures/generate-fixtures';

const route = translationRoute('fixtures', 'en', 'ru')!;
const decoder = 'onnx/decoder_model_merged_quantized.onnx';

/** Runs one translation, returning the error code or the output. */
async function attempt(): Promise<string> {
  return translateSentences(['Moscow.'], route, { device: 'cpu' }).then(
    ([out]) => out?.text ?? '',
    (error: { code?: string }) => `error:${error.code}`,
  );
}

// Its own file: the model cache lives per process, and this test needs a model never loaded before.
describe('a download cut off midway', () => {
  let server: Server;
  let cutNext = true;

  beforeAll(async () => {
    // A stand-in hub on loopback that drops the connection halfway through the decoder, once.
    server = createServer(async (req, res) => {
      const file = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(req.url ?? '');
      const body = file
        ? await readFile(path.join(defaultFixturesRoot(), file[1]!, file[2]!)).catch(() => null)
        : null;
      if (!body) return res.writeHead(404).end();
      res.writeHead(200, { 'content-length': body.length });
      if (req.url?.endsWith(decoder) && cutNext) {
        cutNext = false;
        res.write(body.subarray(0, body.length >> 1));
        res.destroy();
        return;
      }
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is model_unavailable, and the next request downloads it again and works', async () => {
    env.localModelPath = await mkdtemp(path.join(os.tmpdir(), 'bitext-empty-'));
    env.allowRemoteModels = true;
    env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    env.cacheDir = await mkdtemp(path.join(os.tmpdir(), 'bitext-cache-'));

    expect(await attempt()).toBe('error:model_unavailable');
    expect(await attempt()).toBe('Мосцов.');
  });
});
