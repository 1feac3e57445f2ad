import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PreTrainedModel } from '@huggingface/transformers';
import { describe, expect, it, vi } from 'vitest';
import { isBitextError } from '@/lib/errors';
import type { DigestRequest } from '@/lib/pipeline/digest';
import { InProcessQueue, type InProcessQueueOptions } from '@/lib/queue/in-process';
import type { DigestEvent } from '@/lib/queue/port';
import { digestEventStream } from '@/lib/queue/sse';
import { createResultCache } from '@/lib/store/results';
import { openSqliteStore } from '@/lib/store/sqlite';
import { readArticle, scriptShare, configureFixtureModels } from '../support/fixture-models';

const context = configureFixtureModels();
const seed = readArticle('en-sana-lavrov.txt');

function request(changes: Partial<DigestRequest> = {}): DigestRequest {
  return {
    text: seed,
    targets: ['ru', 'zh-Hans', 'hi'],
    summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
    translate: 'summary',
    ...changes,
  };
}

function queue(options: Partial<InProcessQueueOptions> = {}): InProcessQueue {
  return new InProcessQueue({ concurrency: 1, backlog: 5, context, ...options });
}

/** Every event of a job, from now until it ends. */
function record(jobs: InProcessQueue, id: string): { events: DigestEvent[]; ended: Promise<DigestEvent> } {
  const events: DigestEvent[] = [];
  const ended = new Promise<DigestEvent>((resolve) => {
    jobs.watch(id, (event) => {
      events.push(event);
      if (event.event === 'done' || event.event === 'error') resolve(event);
    });
  });
  return { events, ended };
}

const names = (events: DigestEvent[]) => events.map((e) => e.event);

/** Each language reports translation steps before its result arrives. */
function expectProgressBeforeEachLanguage(events: DigestEvent[]): void {
  const languages = events.flatMap((e) =>
    e.event === 'partial' && e.data.part === 'translation' ? [e.data.language] : [],
  );
  expect(languages.length).toBeGreaterThan(0);
  for (const language of languages) {
    const step = events.findIndex(
      (e) => e.event === 'progress' && e.data.type === 'step' && e.data.language === language,
    );
    const partial = events.findIndex(
      (e) => e.event === 'partial' && e.data.part === 'translation' && e.data.language === language,
    );
    expect(step).toBeGreaterThanOrEqual(0);
    expect(step).toBeLessThan(partial);
  }
}

describe('InProcessQueue', () => {
  it('runs a digest: progress, the summary, each language, then the result', async () => {
    const jobs = queue();
    const { id, status } = await jobs.submit(request());
    expect(status).toBe('running');
    const { events, ended } = record(jobs, id);
    await ended;

    const view = await jobs.get(id);
    expect(view.status).toBe('done');
    expect(names(events).at(-1)).toBe('done');
    expectProgressBeforeEachLanguage(events);
    const partials = events.flatMap((e) => (e.event === 'partial' ? [e.data] : []));
    // The summary first, then each language once, in the order its models became ready.
    const parts = partials.map((p) => (p.part === 'summary' ? 'summary' : p.language));
    expect(parts[0]).toBe('summary');
    expect(parts.slice(1).sort()).toEqual(['hi', 'ru', 'zh-Hans']);
    const { translations } = view.result!;
    expect(scriptShare(translations.ru!.summary!.text, 'Cyrillic')).toBeGreaterThan(0.9);
    expect(scriptShare(translations['zh-Hans']!.summary!.text, 'Han')).toBeGreaterThan(0.9);
    expect(scriptShare(translations.hi!.summary!.text, 'Devanagari')).toBeGreaterThan(0.9);
  });

  it('with one slot, a second job waits until the first is done', async () => {
    const jobs = queue();
    const first = await jobs.submit(request({ targets: ['ru'] }));
    const second = await jobs.submit(request({ targets: ['hi'] }));
    expect([first.status, second.status]).toEqual(['running', 'queued']);

    const order: string[] = [];
    jobs.watch(first.id, (e) => order.push(`first ${e.event}`));
    jobs.watch(second.id, (e) => order.push(`second ${e.event}`));
    await jobs.idle();

    expect((await jobs.get(second.id)).status).toBe('done');
    const firstDone = order.indexOf('first done');
    expect(firstDone).toBeGreaterThanOrEqual(0);
    expect(order.findIndex((entry) => entry.startsWith('second'))).toBeGreaterThan(firstDone);
  });

  it('refuses a job with queue_full when the backlog is full, and takes jobs again once it drains', async () => {
    const jobs = queue({ backlog: 1 });
    await jobs.submit(request({ targets: ['ru'] }));
    await jobs.submit(request({ targets: ['hi'] }));
    let refusal: unknown;
    try {
      await jobs.submit(request({ targets: ['zh-Hans'] }));
    } catch (error) {
      refusal = error;
    }
    expect(isBitextError(refusal) && refusal.code).toBe('queue_full');
    expect(isBitextError(refusal) && refusal.status).toBe(503);
    expect(isBitextError(refusal) && refusal.details?.retryAfter).toBeGreaterThanOrEqual(1);

    await jobs.idle();
    expect((await jobs.submit(request({ targets: ['zh-Hans'] }))).status).toBe('running');
    await jobs.idle();
  });

  it('on shutdown cancels queued and running jobs, ends their streams, and refuses new ones', async () => {
    const jobs = queue();
    const running = await jobs.submit(request({ targets: ['ru'] }));
    const queued = await jobs.submit(request({ targets: ['hi'] }));
    const streams = [record(jobs, running.id), record(jobs, queued.id)];
    jobs.shutdown();
    for (const { ended } of streams)
      expect(await ended).toMatchObject({ event: 'error', data: { code: 'cancelled' } });
    await expect(jobs.submit(request({ targets: ['zh-Hans'] }))).rejects.toMatchObject({
      code: 'queue_full',
    });
    await jobs.idle();
  });

  it('cancels a queued job: it never runs', async () => {
    const jobs = queue();
    const first = await jobs.submit(request({ targets: ['ru'] }));
    const second = await jobs.submit(request({ targets: ['hi'] }));
    const { events } = record(jobs, second.id);
    await jobs.cancel(second.id);
    expect(await jobs.get(second.id)).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });

    await jobs.idle();
    expect((await jobs.get(first.id)).status).toBe('done');
    expect((await jobs.get(second.id)).status).toBe('cancelled');
    expect(names(events)).toEqual(['error']);
  });

  it('cancels a running job: the pipeline stops at once and the next job starts', async () => {
    // One sentence per batch, so a full-article digest has many steps to stop between.
    const jobs = queue({ context: { ...context, batchSize: 1 } });
    // Every generate() call a model makes, counted as it starts (the calls still run).
    const generate = vi.spyOn(PreTrainedModel.prototype, 'generate');
    try {
      const { id } = await jobs.submit(request({ translate: 'both', text: `${seed}\n\nA cancelled run.` }));
      const events: DigestEvent[] = [];
      let callsAtCancel = -1;
      jobs.watch(id, (event) => {
        events.push(event);
        if (event.event === 'progress' && event.data.type === 'step' && callsAtCancel < 0) {
          callsAtCancel = generate.mock.calls.length;
          // Cancels synchronously (before its first await), so no further step runs.
          void jobs.cancel(id);
        }
      });
      // The next job's first event comes once it has a slot: once the cancelled run has returned.
      const next = await jobs.submit(request({ targets: ['ru'] }));
      expect(next.status).toBe('queued');
      let callsWhenNextStarted = -1;
      jobs.watch(next.id, () => {
        if (callsWhenNextStarted < 0) callsWhenNextStarted = generate.mock.calls.length;
      });
      await jobs.idle();

      expect(await jobs.get(id)).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
      // Nothing after the cancel: no more progress, no languages, no result…
      expect(names(events).slice(-2)).toEqual(['progress', 'error']);
      expect(names(events)).not.toContain('done');
      // …and no more model calls: of the article's dozens of one-sentence batches, it ran only those before.
      expect(callsAtCancel).toBeGreaterThan(0);
      expect(callsWhenNextStarted).toBe(callsAtCancel);
      expect((await jobs.get(next.id)).status).toBe('done');
      expect(generate.mock.calls.length).toBeGreaterThan(callsWhenNextStarted);
    } finally {
      generate.mockRestore();
    }
  });

  it('records a failed language in the result without failing the others', async () => {
    const jobs = queue();
    const { id } = await jobs.submit(request({ targets: ['ru', 'ar'] }));
    await jobs.idle();
    const view = await jobs.get(id);
    expect(view.status).toBe('done');
    expect(view.result!.translations.ar!.error).toMatchObject({ code: 'model_unavailable' });
    expect(scriptShare(view.result!.translations.ru!.summary!.text, 'Cyrillic')).toBeGreaterThan(0.9);
  });

  it('a summary that fails fails alone: the job is done with every translation, and is not cached', async () => {
    const cache = createResultCache(
      openSqliteStore(path.join(mkdtempSync(path.join(tmpdir(), 'bitext-jobs-')), 'db')).results,
    );
    const jobs = queue({ cache });
    // Read as German: no model brings it to the English summariser.
    const failing = request({
      source: 'de',
      targets: ['ru', 'hi'],
      summary: { mode: 'abstractive', type: 'tldr', length: 'short' },
      translate: 'both',
    });
    const { id } = await jobs.submit(failing);
    await jobs.idle();
    const view = await jobs.get(id);
    expect(view.status).toBe('done');
    expect(view.result!.summary).toMatchObject({ error: { code: 'unsupported_language' } });
    expect(scriptShare(view.result!.translations.ru!.text!, 'Cyrillic')).toBeGreaterThan(0.9);
    expect(scriptShare(view.result!.translations.hi!.text!, 'Devanagari')).toBeGreaterThan(0.9);
    // Not answered from the cache: the summary may work once its model is there.
    expect((await jobs.submit(failing)).status).not.toBe('done');
    await jobs.idle();
  });

  it('fails a job when the whole digest fails, with that error', async () => {
    const jobs = queue();
    const { id } = await jobs.submit(request({ text: 'Moscow, SANA.' }));
    const { ended } = record(jobs, id);
    expect(await ended).toMatchObject({ event: 'error', data: { code: 'language_undetermined' } });
    expect(await jobs.get(id)).toMatchObject({ status: 'failed', error: { code: 'language_undetermined' } });
  });

  it('tells a late listener what already happened, then what follows', async () => {
    const jobs = queue();
    const { id } = await jobs.submit(request());
    const summaryPartial = new Promise<void>((resolve) =>
      jobs.watch(id, (e) => e.event === 'partial' && resolve()),
    );
    await summaryPartial;

    const late = record(jobs, id);
    expect(late.events[0]).toMatchObject({ event: 'partial', data: { part: 'summary' } });
    await late.ended;
    expect(names(late.events).at(-1)).toBe('done');

    const afterwards = record(jobs, id);
    expect(names(afterwards.events)).toEqual(['done']);
  });

  it('answers a repeated request from the cache at once', async () => {
    const store = openSqliteStore(path.join(mkdtempSync(path.join(tmpdir(), 'bitext-jobs-')), 'bitext.db'));
    const jobs = queue({ cache: createResultCache(store.results) });
    const first = await jobs.submit(request());
    await jobs.idle();

    // The same article with different line endings and spacing is the same digest.
    const repeat = await jobs.submit(request({ text: `  ${seed.replaceAll('\n', '\r\n')}  ` }));
    expect(repeat.status).toBe('done');
    expect(repeat.result).toEqual((await jobs.get(first.id)).result);
    expect(names(record(jobs, repeat.id).events)).toEqual(['done']);

    // Other options are another digest.
    expect((await jobs.submit(request({ targets: ['ru'] }))).status).toBe('running');
    await jobs.idle();
    await store.close();
  });

  it('forgets the oldest finished jobs beyond the count it keeps', async () => {
    const jobs = queue({ keepFinishedCount: 1 });
    const first = await jobs.submit(request({ text: 'Moscow, SANA.' }));
    await jobs.idle();
    const second = await jobs.submit(request({ text: 'Damascus, SANA.' }));
    await jobs.idle();
    expect((await jobs.get(second.id)).status).toBe('failed');
    await expect(jobs.get(first.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('digestEventStream (in-process)', () => {
  it('sends heartbeats while a job waits, and a client that leaves does not cancel the job', async () => {
    const jobs = queue();
    await jobs.submit(request({ targets: ['ru'] }));
    const waiting = await jobs.submit(request({ targets: ['hi'] }));

    const reader = (await digestEventStream(jobs, waiting.id, { heartbeatMs: 10 })).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': heartbeat\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toContain(': heartbeat\n\n');
    await reader.cancel();

    await jobs.idle();
    expect((await jobs.get(waiting.id)).status).toBe('done');
  });

  it('formats each event as SSE and closes after done', async () => {
    const jobs = queue();
    const { id } = await jobs.submit(request({ targets: ['ru'] }));
    const body = await new Response(await digestEventStream(jobs, id)).text();
    const blocks = body.split('\n\n').filter(Boolean);
    expect(blocks.at(-1)).toMatch(/^event: done\ndata: \{.*"language":"en"/);
    for (const block of blocks) expect(block).toMatch(/^event: (progress|partial|done)\ndata: \{[^\n]*\}$/);
  });

  it('refuses an unknown job with not_found', async () => {
    await expect(digestEventStream(queue(), 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
