import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A web process of the scaled-out topology: BITEXT_REDIS_URL is set (a Redis started here, before the server
// environment is read), and digests run on an `npm run worker` child. The environment is read once, on
// first use, so it is set before any import.
const services = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { servicesUnavailable } = await import('../support/services');
  const skip = servicesUnavailable();
  if (skip) return { skip, redis: undefined, dataDir: '' };
  const { startRedis } = await import('@/scripts/services');
  const redis = await startRedis();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bitext-scale-out-'));
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = dataDir;
  process.env.BITEXT_REDIS_URL = redis.url;
  return { skip, redis, dataDir };
});

import { POST as libreTranslate } from '@/app/api/libretranslate/translate/route';
import { POST as detect } from '@/app/api/v1/detect/route';
import { POST as createDigest } from '@/app/api/v1/digests/route';
import { GET as readDigest } from '@/app/api/v1/digests/[id]/route';
import { GET as digestEvents } from '@/app/api/v1/digests/[id]/events/route';
import { POST as summarize } from '@/app/api/v1/summarize/route';
import { POST as translate } from '@/app/api/v1/translate/route';
import { readEventStream } from '@/hooks/event-stream';
import type { JobView } from '@/lib/pipeline/protocol';
import { digestQueue } from '@/lib/queue';
import { startWorker, type WorkerProcess } from '@/scripts/topology';
import { readArticle, scriptShare } from '../support/fixture-models';
import { postRequest } from '../support/requests';

const seed = readArticle('en-sana-lavrov.txt');
const origin = 'http://127.0.0.1';
const at = (id: string) => ({ params: Promise.resolve({ id }) });

/** Models this process has loaded or is loading: the pipeline's per-process model cache. */
function modelsLoadedHere(): number {
  const cache = (globalThis as Record<symbol, Map<string, unknown> | undefined>)[Symbol.for('bitext.models')];
  return cache?.size ?? 0;
}

async function settled(id: string): Promise<JobView> {
  for (let i = 0; i < 600; i++) {
    const job = (await (
      await readDigest(new Request(`${origin}/api/v1/digests/${id}`), at(id))
    ).json()) as JobView;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Job ${id} did not finish`);
}

const post = (route: (request: Request) => Promise<Response>, path: string, body: unknown) =>
  route(postRequest(`${origin}${path}`, body));

describe.skipIf(services.skip)('a web process with BITEXT_REDIS_URL (no models here)', () => {
  let worker: WorkerProcess;
  beforeAll(async () => {
    worker = await startWorker({
      BITEXT_MODEL_PROFILE: 'fixtures',
      BITEXT_ALLOW_REMOTE_MODELS: '0',
      BITEXT_REDIS_URL: services.redis!.url,
      BITEXT_DATA_DIR: services.dataDir,
    });
  }, 120_000);
  afterAll(async () => {
    await digestQueue().close();
    await worker?.close();
    await services.redis?.close();
  }, 60_000);

  it('runs digests on a worker, abstractive summary included, and streams them here', async () => {
    const response = await post(createDigest, '/api/v1/digests', {
      text: seed,
      targets: ['ru', 'hi'],
      summary: { mode: 'abstractive', type: 'tldr', length: 'short' },
      translate: 'both',
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as JobView;
    const stream = await digestEvents(new Request(`${origin}/api/v1/digests/${id}/events`), at(id));
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const names: string[] = [];
    for await (const { event } of readEventStream(stream.body!)) names.push(event);
    expect(names).toContain('progress');
    expect(names.at(-1)).toBe('done');

    const job = await settled(id);
    expect(job.status).toBe('done');
    expect(scriptShare(job.result!.translations.ru!.text!, 'Cyrillic')).toBeGreaterThan(0.9);
    expect(modelsLoadedHere()).toBe(0);
  });

  it('detects languages and makes extractive summaries here, without a model', async () => {
    const detected = await post(detect, '/api/v1/detect', { text: seed });
    expect(detected.status).toBe(200);
    expect(await detected.json()).toMatchObject({ language: 'en' });
    const summary = await post(summarize, '/api/v1/summarize', { text: seed, mode: 'extractive' });
    expect(summary.status).toBe(200);
    expect(await summary.json()).toMatchObject({ language: 'en', summary: expect.any(String) });
    expect(modelsLoadedHere()).toBe(0);
  });

  it('answers translate and abstractive summarize with 501 models_on_workers, pointing to digests', async () => {
    const responses = [
      await post(translate, '/api/v1/translate', { text: seed, source: 'en', target: 'ru' }),
      await post(summarize, '/api/v1/summarize', { text: seed, mode: 'abstractive' }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(501);
      expect(await response.json()).toMatchObject({
        error: { code: 'models_on_workers', details: { use: '/api/v1/digests' } },
      });
    }
    expect(modelsLoadedHere()).toBe(0);
  });

  it('answers the LibreTranslate translate endpoint with 501 too: no model is loaded here', async () => {
    const response = await post(libreTranslate, '/api/libretranslate/translate', {
      q: 'Ministers met in Geneva.',
      source: 'en',
      target: 'ru',
    });
    expect(response.status).toBe(501);
    expect(await response.json()).toEqual({ error: expect.stringContaining('/api/v1/digests') });
    expect(modelsLoadedHere()).toBe(0);
  });

  it('Redis down: digests answer 503 queue_unavailable with Retry-After; Redis back: they work again', async () => {
    const body = { text: `${seed}\n\nWhile Redis restarts.`, targets: ['ru'] };
    await services.redis!.stop();
    try {
      const refused = await post(createDigest, '/api/v1/digests', body);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ error: { code: 'queue_unavailable' } });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await services.redis!.start();
    }
    let accepted: Response | undefined;
    for (let i = 0; i < 100 && accepted?.status !== 202; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      accepted = await post(createDigest, '/api/v1/digests', body);
    }
    expect(accepted!.status).toBe(202);
    const { id } = (await accepted!.json()) as JobView;
    expect((await settled(id)).status).toBe('done');
  });
});
