/**
 * `npm run bench -- scale` (issue 11): the scaled-out topology (scripts/topology.ts: Postgres, Redis, web
 * processes, `npm run worker` processes, fixture models). Digests a minute with 1, then 2 workers (each on
 * one thread, BITEXT_THREADS=1, so the shape shows even where cores are few), share GETs a second through
 * 1, then 2 web processes (autocannon, in this process), and a web process's RSS: it loads no models.
 * On a 2-core machine two workers or two web processes compete for the same cores as each other, as
 * autocannon and as Postgres/Redis: expect about 1×; the numbers show the shape, not a gain.
 */
import type { BenchRow, BenchSection } from './report';
import { autocannon, type LoadResult } from './http-load';
import { createSeedShare, numberedCopies, runDigest, seedDigestRequest } from './seed';
import { round } from './stats';
import { groupRssMB } from '../process-group';
import { startTopology, type Topology } from '../topology';

/** Digests per measurement: enough that each worker runs several. */
const DIGESTS = 12;
/** Copies of the seed article per digest: about a second each on one thread. */
const COPIES = 2;
const DURATION_S = 10;
const WARM_UP_S = 2;
const CONNECTIONS = 10;
const RSS_TARGET_MB = 250;

/** `DIGESTS` digests at once, each a new text (none from the result cache), all run to `done`. */
async function digestsPerMinute(topology: Topology, label: string): Promise<number> {
  const seed = await seedDigestRequest();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: DIGESTS }, (_, i) =>
      runDigest(topology.urls[i % topology.urls.length]!, {
        ...seed,
        text: numberedCopies(seed.text, COPIES, `${label} ${Date.now()} ${i}`),
      }),
    ),
  );
  return DIGESTS / ((performance.now() - started) / 60_000);
}

/** What `work` returns, and the highest RSS of `pid`'s group while it ran (sampled every 500 ms). */
async function peakRssDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMB: number }> {
  let peakMB = groupRssMB(pid);
  const timer = setInterval(() => (peakMB = Math.max(peakMB, groupRssMB(pid))), 500);
  try {
    const result = await work();
    return { result, peakMB: Math.max(peakMB, groupRssMB(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** Share GETs a second through `origins` at once, `CONNECTIONS` split between them. */
async function shareGets(origins: string[], id: string): Promise<{ perSecond: number; failed: number }> {
  const connections = Math.max(1, Math.floor(CONNECTIONS / origins.length));
  const results: LoadResult[] = await Promise.all(
    origins.map((origin) =>
      autocannon({
        url: `${origin}/api/v1/shares/${id}`,
        connections,
        duration: DURATION_S,
        warmup: { connections, duration: WARM_UP_S },
      }),
    ),
  );
  return {
    perSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    failed: results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
  };
}

export async function benchScale(): Promise<BenchSection> {
  const topology = await startTopology({
    web: 2,
    workers: 1,
    webEnv: {
      BITEXT_RATE_DIGESTS: '0',
      BITEXT_RATE_INFERENCE: '0',
      BITEXT_RATE_EXTRACT: '0',
      BITEXT_RATE_SHARES: '0',
    },
    workerEnv: { BITEXT_THREADS: '1' },
  });
  try {
    const web = topology.web[0]!;
    const idleRss = groupRssMB(web.pid);
    // One digest first: the worker loads its models (the fixtures load in milliseconds, but once).
    const share = await createSeedShare(topology.urls[0]!);
    const oneWorker = await digestsPerMinute(topology, 'one worker');
    await topology.addWorker();
    const twoWorkers = await digestsPerMinute(topology, 'two workers');
    // The RSS that counts is the peak under load: what a web process must be given, not what it starts on.
    const { result: oneWeb, peakMB: oneWebPeak } = await peakRssDuring(web.pid, () =>
      shareGets(topology.urls.slice(0, 1), share.id),
    );
    const { result: twoWebs, peakMB: twoWebsPeak } = await peakRssDuring(web.pid, () =>
      shareGets(topology.urls, share.id),
    );
    const loadedRss = Math.max(oneWebPeak, twoWebsPeak);
    const failed = (n: number) => (n > 0 ? `FAILED: ${n} non-2xx, errors or timeouts` : '');
    const rows: BenchRow[] = [
      { metric: 'digests/minute, 1 worker (BITEXT_THREADS=1)', value: oneWorker, unit: '/min' },
      {
        metric: 'digests/minute, 2 workers (BITEXT_THREADS=1)',
        value: twoWorkers,
        unit: '/min',
        note: `${(twoWorkers / oneWorker).toFixed(2)}× one worker; ${DIGESTS} digests of ${COPIES}× the seed article into 3 languages`,
      },
      {
        metric: `GET /api/v1/shares/{id}, 1 web process, ${CONNECTIONS} connections`,
        value: oneWeb.perSecond,
        unit: 'req/s',
        note: failed(oneWeb.failed),
      },
      {
        metric: `GET /api/v1/shares/{id}, 2 web processes, ${CONNECTIONS} connections`,
        value: twoWebs.perSecond,
        unit: 'req/s',
        note: [`${(twoWebs.perSecond / oneWeb.perSecond).toFixed(2)}× one`, failed(twoWebs.failed)]
          .filter(Boolean)
          .join('; '),
      },
      {
        metric: 'web process RSS, started (no models)',
        value: idleRss,
        unit: 'MB',
        note: `target < ${RSS_TARGET_MB} MB (${idleRss < RSS_TARGET_MB ? 'met' : 'missed'})`,
      },
      {
        metric: 'web process RSS, peak under the load (no models)',
        value: loadedRss,
        unit: 'MB',
        note: `target < ${RSS_TARGET_MB} MB (${loadedRss < RSS_TARGET_MB ? 'met' : 'missed'})`,
      },
    ];
    return {
      name: 'scale',
      rows,
      details: {
        digests: DIGESTS,
        copies: COPIES,
        digestsPerMinute: { oneWorker: round(oneWorker), twoWorkers: round(twoWorkers) },
        shareGetsPerSecond: { oneWeb, twoWebs },
        webRssMB: { idle: round(idleRss), loaded: round(loadedRss) },
      },
    };
  } finally {
    await topology.close();
  }
}
