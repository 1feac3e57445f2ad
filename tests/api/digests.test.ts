import { describe, expect, it, vi } from 'vitest';

// The server engine reads its environment once, on first use: set it before any import. The database goes
// to a fresh folder, so no result is cached before the tests make it.
await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'bitext-digests-'));
  process.env.BITEXT_JOB_CONCURRENCY = '1';
  process.env.BITEXT_JOB_BACKLOG = '1';
});

import { POST as create } from '@/app/api/v1/digests/route';
import { DELETE as cancel, GET as read } from '@/app/api/v1/digests/[id]/route';
import { GET as events } from '@/app/api/v1/digests/[id]/events/route';
import { readEventStream } from '@/hooks/event-stream';
import { LANGUAGES } from '@/lib/langs';
import type { DigestPartial, DigestResult } from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';
import type { JobView } from '@/lib/pipeline/protocol';
import { digestQueue } from '@/lib/queue';
import { InProcessQueue } from '@/lib/queue/in-process';
import { readArticle, scriptShare } from '../support/fixture-models';
import { postRequest } from '../support/requests';

const seed = readArticle('en-sana-lavrov.txt');
const body = { text: seed, targets: ['ru', 'zh-Hans', 'hi'] };

function post(payload: unknown, contentType = 'application/json'): Promise<Response> {
  return create(postRequest('http://127.0.0.1/api/v1/digests', payload, { 'content-type': contentType }));
}

const at = (id: string) => ({ params: Promise.resolve({ id }) });
const url = (id: string) => `http://127.0.0.1/api/v1/digests/${id}`;

async function submit(payload: unknown): Promise<string> {
  const response = await post(payload);
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  expect(response.headers.get('location')).toBe(`/api/v1/digests/${id}`);
  return id;
}

async function view(id: string): Promise<JobView> {
  const response = await read(new Request(url(id)), at(id));
  expect(response.status).toBe(200);
  return (await response.json()) as JobView;
}

/** Polls as a client would, until the job has an outcome. */
async function settled(id: string): Promise<JobView> {
  for (let i = 0; i < 600; i++) {
    const job = await view(id);
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Job ${id} did not finish`);
}

/** Resolves once no job runs or waits (these tests run the in-process adapter: no BITEXT_REDIS_URL). */
function idle(): Promise<void> {
  const queue = digestQueue();
  if (!(queue instanceof InProcessQueue)) throw new Error('expected the in-process queue');
  return queue.idle();
}

type Received =
  | { event: 'progress'; data: ProgressEvent }
  | { event: 'partial'; data: DigestPartial }
  | { event: 'done'; data: DigestResult }
  | { event: 'error'; data: { code: string } };

/** The whole event stream of a job, parsed by the client's own reader; ends when the server closes it. */
async function stream(id: string): Promise<{ response: Response; received: Received[] }> {
  const response = await events(new Request(`${url(id)}/events`), at(id));
  const received: Received[] = [];
  for await (const { event, data } of readEventStream(response.body!)) {
    received.push({ event, data: JSON.parse(data) } as Received);
  }
  return { response, received };
}

describe('POST /api/v1/digests → GET /api/v1/digests/{id}', () => {
  it('accepts a digest and, polled, gives the result in each target script', async () => {
    const id = await submit(body);
    const job = await settled(id);
    expect(job).toMatchObject({ id, status: 'done', result: { language: 'en' } });
    const { translations } = job.result!;
    expect(Object.keys(translations)).toEqual(['ru', 'zh-Hans', 'hi']);
    expect(scriptShare(translations.ru!.summary!.text, 'Cyrillic')).toBeGreaterThan(0.9);
    expect(scriptShare(translations['zh-Hans']!.summary!.text, 'Han')).toBeGreaterThan(0.9);
    expect(scriptShare(translations.hi!.summary!.text, 'Devanagari')).toBeGreaterThan(0.9);
  });

  it('answers a repeated request at once from the cache', async () => {
    await settled(await submit(body));
    // The POST itself brings the finished job.
    const response = await post(body);
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as JobView;
    expect(accepted.status).toBe('done');
    expect(accepted.result).toEqual((await view(accepted.id)).result);
    const id = accepted.id;
    const job = await view(id);
    expect(job.status).toBe('done');
    expect(scriptShare(job.result!.translations.ru!.summary!.text, 'Cyrillic')).toBeGreaterThan(0.9);
    const { received } = await stream(id);
    expect(received.map((e) => e.event)).toEqual(['done']);
  });

  it('records a language whose model is missing, and still translates the others', async () => {
    const job = await settled(await submit({ ...body, targets: ['ru', 'ar'], translate: 'article' }));
    expect(job.status).toBe('done');
    expect(job.result!.translations.ar!.error).toMatchObject({ code: 'model_unavailable' });
    expect(scriptShare(job.result!.translations.ru!.text!, 'Cyrillic')).toBeGreaterThan(0.9);
  });

  it('a summary or a language that fails fails alone, and says why as data the UI can word', async () => {
    // Read as German: no model brings it to the English summariser; and Arabic's model is missing.
    const job = await settled(
      await submit({
        ...body,
        source: 'de',
        targets: ['ru', 'ar'],
        summary: { mode: 'abstractive' },
        translate: 'both',
      }),
    );
    expect(job.status).toBe('done');
    expect(job.result!.summary).toMatchObject({
      error: { code: 'unsupported_language', details: { source: 'de', target: 'en' } },
    });
    expect(job.result!.translations.ar!.error).toMatchObject({
      code: 'model_unavailable',
      details: { model: 'bitext-fixtures/missing-ar', languages: ['ar'], where: 'server' },
    });
    expect(scriptShare(job.result!.translations.ru!.text!, 'Cyrillic')).toBeGreaterThan(0.9);
  });

  it('fails the job when the language cannot be told, with that error', async () => {
    const job = await settled(await submit({ text: 'Moscow, SANA.', targets: ['ru'] }));
    expect(job).toMatchObject({ status: 'failed', error: { code: 'language_undetermined' } });
  });
});

describe('GET /api/v1/digests/{id}/events', () => {
  it('streams progress, the summary and each language as they finish, then the result, and closes', async () => {
    const id = await submit({ ...body, translate: 'both' });
    const { response, received } = await stream(id);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');

    const names = received.map((e) => e.event);
    expect(names.at(-1)).toBe('done');
    expect(names.filter((n) => n === 'done')).toHaveLength(1);
    const firstProgress = names.indexOf('progress');
    const firstTranslation = received.findIndex(
      (e) => e.event === 'partial' && e.data.part === 'translation',
    );
    expect(firstProgress).toBeGreaterThanOrEqual(0);
    expect(firstProgress).toBeLessThan(firstTranslation);

    const partials = received.flatMap((e) => (e.event === 'partial' ? [e.data] : []));
    // The summary first, then each language once, in the order its models became ready.
    const parts = partials.map((p) => (p.part === 'summary' ? 'summary' : p.language));
    expect(parts[0]).toBe('summary');
    expect(parts.slice(1).sort()).toEqual(['hi', 'ru', 'zh-Hans']);
    const hindi = partials.find((p) => p.part === 'translation' && p.language === 'hi');
    expect(hindi?.part === 'translation' && hindi.result.segments?.length).toBe(
      (received.at(-1)?.data as DigestResult).sentences.length,
    );
    expect(received.at(-1)?.data).toEqual((await view(id)).result);
  });
});

describe('DELETE /api/v1/digests/{id}', () => {
  it('cancels a job: 204, then it reads as cancelled and its stream ends with the reason', async () => {
    const id = await submit({ ...body, text: `${seed}\n\nCancelled.` });
    const response = await cancel(new Request(url(id), { method: 'DELETE' }), at(id));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await view(id)).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
    const { received } = await stream(id);
    expect(received).toEqual([{ event: 'error', data: expect.objectContaining({ code: 'cancelled' }) }]);
    await idle();
  });
});

describe('errors', () => {
  it.each([
    ['malformed JSON', () => post('{"text": ')],
    ['wrong content type', () => post(body, 'text/plain')],
    ['no targets', () => post({ text: seed, targets: [] })],
    ['missing targets', () => post({ text: seed })],
    ['unknown field', () => post({ ...body, engine: 'server' })],
    ['unknown summary type', () => post({ ...body, summary: { type: 'essay' } })],
    ['unknown translate scope', () => post({ ...body, translate: 'everything' })],
  ])('%s → 400 bad_request', async (_, call) => {
    const response = await call();
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });

  it('an unknown target language → 422 unsupported_language', async () => {
    const response = await post({ ...body, targets: ['ru', 'xx'] });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'unsupported_language' } });
  });

  it('more than 10 targets → 413 input_too_large', async () => {
    const targets = LANGUAGES.map((l) => l.code).filter((code) => code !== 'en');
    expect(targets.length).toBeGreaterThan(10);
    const response = await post({ ...body, targets: targets.slice(0, 11) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'input_too_large' } });
  });

  it('an unknown id → 404 not_found from every digest route', async () => {
    const id = '00000000-0000-0000-0000-000000000000';
    const responses = [
      await read(new Request(url(id)), at(id)),
      await events(new Request(`${url(id)}/events`), at(id)),
      await cancel(new Request(url(id), { method: 'DELETE' }), at(id)),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('a full queue → 503 queue_full with Retry-After', async () => {
    await idle();
    // One running and one waiting fill a backlog of 1 (set above).
    await submit({ ...body, text: `${seed}\n\nFirst.` });
    await submit({ ...body, text: `${seed}\n\nSecond.` });
    const response = await post({ ...body, text: `${seed}\n\nThird.` });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'queue_full' } });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await idle();
  });
});
