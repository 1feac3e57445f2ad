import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestRequest } from '@/lib/pipeline/digest';
import { createDigestQueue } from '@/lib/queue';
import { QUEUE_NAME } from '@/lib/queue/bullmq-jobs';
import { startDigestWorker } from '@/lib/queue/bullmq-worker';
import type { DigestEvent, DigestQueue } from '@/lib/queue/port';
import { digestEventStream } from '@/lib/queue/sse';
import { createResultCache } from '@/lib/store/results';
import { openSqliteStore } from '@/lib/store/sqlite';
import { startRedis, type Service } from '@/scripts/services';
import { startWorker, type WorkerProcess } from '@/scripts/topology';
import { configureFixtureModels, readArticle } from '../support/fixture-models';
import { servicesUnavailable } from '../support/services';

/**
 * One contract for every job-queue adapter: the in-process queue, and BullMQ on a real Redis (started here
 * on a free port) with real `npm run worker` processes running the jobs. The workers run one job at a time,
 * one sentence per model call, so a full-article digest runs long enough to be cancelled or killed.
 */

const context = configureFixtureModels();
const seed = readArticle('en-sana-lavrov.txt');

/** A digest no other test asks for (so never answered from the cache), long unless `short`. */
function request(label: string, { short = false } = {}): DigestRequest {
  return {
    text: `${seed}\n\n${label}`,
    targets: short ? ['ru'] : ['ru', 'zh-Hans', 'hi'],
    summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
    translate: short ? 'summary' : 'both',
  };
}

interface Engine {
  /** A queue as one web process sees it. */
  open(options?: { backlog?: number }): DigestQueue;
  /** Only BullMQ has a dependency to lose. */
  redis?: Service;
  workers: WorkerProcess[];
  workerEnv: Record<string, string>;
  close(): Promise<void>;
}

function sharedCache(dataDir: string) {
  return createResultCache(openSqliteStore(path.join(dataDir, 'bitext.db')).results);
}

const adapters: { name: 'in-process' | 'bullmq'; skip?: string; start(): Promise<Engine> }[] = [
  {
    name: 'in-process',
    async start() {
      const cache = sharedCache(mkdtempSync(path.join(tmpdir(), 'bitext-contract-')));
      const opened: DigestQueue[] = [];
      return {
        open: ({ backlog = 5 } = {}) => {
          const queue = createDigestQueue({
            concurrency: 1,
            backlog,
            context: { ...context, batchSize: 1 },
            cache,
          });
          opened.push(queue);
          return queue;
        },
        workers: [],
        workerEnv: {},
        close: async () => {
          await Promise.all(opened.map((queue) => queue.close()));
        },
      };
    },
  },
  {
    name: 'bullmq',
    skip: servicesUnavailable(),
    async start() {
      const redis = await startRedis();
      const dataDir = mkdtempSync(path.join(tmpdir(), 'bitext-contract-'));
      const cache = sharedCache(dataDir);
      const workerEnv = {
        BITEXT_MODEL_PROFILE: 'fixtures',
        BITEXT_ALLOW_REMOTE_MODELS: '0',
        BITEXT_REDIS_URL: redis.url,
        BITEXT_DATA_DIR: dataDir,
        BITEXT_WORKER_CONCURRENCY: '1',
        BITEXT_BATCH_SIZE: '1',
      };
      const workers = [await startWorker(workerEnv)];
      const opened: DigestQueue[] = [];
      return {
        open: ({ backlog = 5 } = {}) => {
          const queue = createDigestQueue({ redisUrl: redis.url, concurrency: 1, backlog, context, cache });
          opened.push(queue);
          return queue;
        },
        redis,
        workers,
        workerEnv,
        close: async () => {
          await Promise.all(opened.map((queue) => queue.close()));
          await Promise.all(workers.map((worker) => worker.close()));
          await redis.close();
        },
      };
    },
  },
];

const ends = (event: DigestEvent) => event.event === 'done' || event.event === 'error';
const names = (events: DigestEvent[]) => events.map((e) => e.event);

/** Follows a job's events; `until` resolves with the first event it accepts, `ended` with all of them. */
function follow(queue: DigestQueue, id: string) {
  const events: DigestEvent[] = [];
  const waiters: { test: (e: DigestEvent) => boolean; resolve: (e: DigestEvent) => void }[] = [];
  const listening = new AbortController();
  const ended = (async () => {
    for await (const event of queue.events(id, listening.signal)) {
      events.push(event);
      for (const waiter of waiters.filter((w) => w.test(event))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
      if (ends(event)) break;
    }
    return events;
  })();
  const until = (test: (e: DigestEvent) => boolean) =>
    new Promise<DigestEvent>((resolve, reject) => {
      const seen = events.find(test);
      if (seen) return resolve(seen);
      waiters.push({ test, resolve });
      void ended.then(() => reject(new Error(`the stream ended first: ${names(events).join(' ')}`)), reject);
    });
  return { events, ended, until, stop: () => listening.abort() };
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch((error: unknown) => error as T);
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(adapters)('DigestQueue contract: $name', ({ name, skip, start }) => {
  let engine: Engine;
  let queue: DigestQueue;

  beforeAll(async () => {
    if (skip) return;
    engine = await start();
    queue = engine.open();
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  }, 60_000);

  it.skipIf(skip)('is the adapter the environment chose', () => {
    expect(queue.engine).toBe(name);
  });

  it.skipIf(skip)('runs a digest: progress and each part as it is made, then the result', async () => {
    const { id } = await queue.submit(request('runs'));
    const events = await follow(queue, id).ended;
    expect(names(events).at(-1)).toBe('done');
    expect(names(events)).toContain('progress');
    const parts = events.flatMap((e) =>
      e.event === 'partial' ? [e.data.part === 'summary' ? 'summary' : e.data.language] : [],
    );
    expect(parts[0]).toBe('summary');
    expect(parts.slice(1).sort()).toEqual(['hi', 'ru', 'zh-Hans']);
    const view = await queue.get(id);
    expect(view).toMatchObject({ id, status: 'done', result: { language: 'en' } });
    expect(events.at(-1)?.data).toEqual(view.result);
  });

  it.skipIf(skip)('tells a late listener what already happened, then what follows', async () => {
    const { id } = await queue.submit(request('late listener'));
    const first = follow(queue, id);
    await first.until((e) => e.event === 'partial');

    const late = follow(queue, id);
    await late.ended;
    expect(late.events[0]).toMatchObject({ event: 'partial', data: { part: 'summary' } });
    expect(names(late.events).at(-1)).toBe('done');
    const lateParts = late.events.filter((e) => e.event === 'partial').length;
    expect(lateParts).toBe((await first.ended).filter((e) => e.event === 'partial').length);

    expect(names(await follow(queue, id).ended)).toEqual(['done']);
  });

  it.skipIf(skip)('cancels a queued job: it never runs, and its stream ends with cancelled', async () => {
    const running = await queue.submit(request('cancel queued: the one running'));
    const runningEvents = follow(queue, running.id);
    await runningEvents.until((e) => e.event === 'progress');
    const queued = await queue.submit(request('cancel queued: the one waiting'));
    expect(queued.status).toBe('queued');

    expect(await queue.cancel(queued.id)).toMatchObject({
      status: 'cancelled',
      error: { code: 'cancelled' },
    });
    expect(await follow(queue, queued.id).ended).toEqual([
      { event: 'error', data: expect.objectContaining({ code: 'cancelled' }) },
    ]);
    expect(names(await runningEvents.ended).at(-1)).toBe('done');
    expect(await queue.get(queued.id)).toMatchObject({ status: 'cancelled' });
  });

  it.skipIf(skip)(
    'cancels a running job: its stream ends with cancelled, and the next job runs',
    async () => {
      const { id } = await queue.submit(request('cancel running'));
      const events = follow(queue, id);
      await events.until((e) => e.event === 'progress');
      await queue.cancel(id);
      expect((await events.ended).at(-1)).toMatchObject({ event: 'error', data: { code: 'cancelled' } });
      expect(await queue.get(id)).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });

      const next = await queue.submit(request('after a cancel', { short: true }));
      expect(names(await follow(queue, next.id).ended).at(-1)).toBe('done');
    },
  );

  it.skipIf(skip)('answers a repeated digest from the cache at once', async () => {
    const first = await queue.submit(request('cached', { short: true }));
    await follow(queue, first.id).ended;
    const repeat = await queue.submit(request('cached', { short: true }));
    expect(repeat.status).toBe('done');
    expect(repeat.result).toEqual((await queue.get(first.id)).result);
    expect(names(await follow(queue, repeat.id).ended)).toEqual(['done']);
  });

  it.skipIf(skip)('refuses queue_full with Retry-After once the shared backlog is full', async () => {
    const small = engine.open({ backlog: 1 });
    const running = await small.submit(request('backlog: running'));
    await follow(small, running.id).until((e) => e.event === 'progress');
    const waiting = await small.submit(request('backlog: waiting'));
    expect(await small.backlog()).toBe(1);
    // Counted across web processes: the other queue sees the same backlog.
    expect(await queue.backlog()).toBe(name === 'bullmq' ? 1 : 0);

    const refusal = await small.submit(request('backlog: refused')).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'queue_full', status: 503 });
    expect((refusal as { details: { retryAfter: number } }).details.retryAfter).toBeGreaterThanOrEqual(1);

    await small.cancel(waiting.id);
    await small.cancel(running.id);
    await eventually(
      () => small.get(running.id),
      (view) => view.status === 'cancelled',
    );
  });

  it.skipIf(skip)('answers not_found for an id it does not know', async () => {
    const id = '00000000-0000-0000-0000-000000000000';
    await expect(queue.get(id)).rejects.toMatchObject({ code: 'not_found', status: 404 });
    await expect(queue.cancel(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(digestEventStream(queue, id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it.skipIf(skip)('is ok while its engine runs', async () => {
    expect(await queue.status()).toBe('ok');
  });
});

describe.skipIf(servicesUnavailable())('DigestQueue contract: bullmq only', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await adapters[1]!.start();
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
  }, 60_000);

  it('a job submitted through one web process is followed and cancelled through another', async () => {
    const webA = engine.open();
    const webB = engine.open();
    const { id } = await webA.submit(request('two web processes'));
    const events = follow(webB, id);
    await events.until((e) => e.event === 'progress');
    await webB.cancel(id);
    expect((await events.ended).at(-1)).toMatchObject({ event: 'error', data: { code: 'cancelled' } });
    expect(await webA.get(id)).toMatchObject({ status: 'cancelled' });
  });

  it('a web process just started follows a job at once (its first call waits for its connection)', async () => {
    const { id } = await engine.open().submit(request('fresh web process', { short: true }));
    const fresh = engine.open();
    expect((await fresh.get(id)).id).toBe(id);
    expect(names(await follow(engine.open(), id).ended).at(-1)).toBe('done');
  });

  // Retried: in 2 of 6 full-suite runs under heavy parallel load (never alone, nor with the CPU saturated), the
  // digest submitted after Redis came back was not finished within the test's time. Cause not found; while
  // other test files start servers on free ports, the one stopped here may lose its port to them.
  it(
    'Redis down: status down and queue_unavailable with Retry-After; back up: ok again by itself',
    { retry: 2 },
    async () => {
      const queue = engine.open();
      await engine.redis!.stop();
      try {
        expect(await queue.status()).toBe('down');
        const refusal = await queue
          .submit(request('redis down', { short: true }))
          .catch((error: unknown) => error);
        expect(refusal).toMatchObject({ code: 'queue_unavailable', status: 503 });
        expect((refusal as { details: { retryAfter: number } }).details.retryAfter).toBeGreaterThanOrEqual(1);
      } finally {
        await engine.redis!.start();
      }
      await eventually(
        () => queue.status(),
        (status) => status === 'ok',
      );
      const { id } = await queue.submit(request('redis back', { short: true }));
      expect(names(await follow(queue, id).ended).at(-1)).toBe('done');
    },
  );

  /** The `npm run worker` child running job `id` (a worker names itself host:pid; startWorker knows groups). */
  async function workerRunning(id: string): Promise<{ worker: WorkerProcess; pid: number }> {
    const inspect = new Queue(QUEUE_NAME, { connection: { url: engine.redis!.url } });
    const processedBy = (await inspect.getJob(id))?.processedBy;
    await inspect.close();
    const pid = Number(processedBy?.split(':').at(-1));
    const group = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]);
    const worker = engine.workers.find((w) => w.pid === group);
    if (!worker) throw new Error(`no worker child runs job ${id} (processed by ${processedBy})`);
    return { worker, pid };
  }

  it('SIGTERM: a worker stops taking jobs, finishes the one it runs, and exits 0', async () => {
    engine.workers.push(await startWorker(engine.workerEnv));
    const queue = engine.open();
    const { id } = await queue.submit(request('SIGTERM'));
    const events = follow(queue, id);
    await events.until((e) => e.event === 'partial');
    // To the worker's own process, as an orchestrator stops it (npm, above it, would die of the signal).
    const { worker, pid } = await workerRunning(id);
    process.kill(pid, 'SIGTERM');
    expect(await worker.exited).toBe(0);
    const all = await events.ended;
    expect(names(all).at(-1)).toBe('done');
    expect(names(all)).not.toContain('restarted');
  });

  it('a worker killed mid-job: another takes the job after the stall, the stream says restarted, then done', async () => {
    engine.workers.push(await startWorker(engine.workerEnv));
    const queue = engine.open();
    const { id } = await queue.submit(request('killed worker'));
    const events = follow(queue, id);
    await events.until((e) => e.event === 'partial');

    const { worker: victim } = await workerRunning(id);
    const killedAt = Date.now();
    victim.kill();

    await events.until((e) => e.event === 'restarted');
    // Printed, not asserted (timings are for benchmarks): the number the README quotes (lock 4 s, stalled
    // check every 2 s). The test's own timeout bounds the wait.
    console.log(`restarted ${Date.now() - killedAt} ms after the kill`);
    const all = await events.ended;
    expect(names(all).at(-1)).toBe('done');
    // After `restarted` the parts come again, each once.
    const after = all.slice(names(all).indexOf('restarted'));
    const parts = after.flatMap((e) => (e.event === 'partial' ? [e.data.part] : []));
    expect(parts.filter((part) => part === 'summary')).toHaveLength(1);
    expect(parts.filter((part) => part === 'translation')).toHaveLength(3);
  }, 60_000);
});

describe.skipIf(servicesUnavailable())('BullMQ worker shutdown', () => {
  it('hands the running job back when it cannot finish in time: another worker runs it, listeners hear restarted', async () => {
    const redis = await startRedis();
    const queue = createDigestQueue({ redisUrl: redis.url, concurrency: 1, backlog: 5, context });
    const workerOptions = { redisUrl: redis.url, concurrency: 1, context: { ...context, batchSize: 1 } };
    try {
      const first = startDigestWorker(workerOptions);
      await first.ready();
      const { id } = await queue.submit(request('handed back'));
      const events = follow(queue, id);
      await events.until((e) => e.event === 'partial');
      // No time to finish: the job goes back to the queue at once.
      await first.close(0);
      expect(await queue.get(id)).toMatchObject({ status: 'queued' });

      const second = startDigestWorker(workerOptions);
      await second.ready();
      const all = await events.ended;
      await second.close();
      expect(names(all)).toContain('restarted');
      expect(names(all).at(-1)).toBe('done');
    } finally {
      await queue.close();
      await redis.close();
    }
  });
});
