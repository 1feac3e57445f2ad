/**
 * Bench 4: a repeated digest through the built server, as the workspace sees it. The seed digest is made
 * once; then the same request is POSTed again, many times over. Each repeat should be answered from the
 * SQLite result cache, in one HTTP round trip: the POST (cache key: normalise, detect or recall, hash; cache
 * lookup) answers with the finished job, result included.
 */
import type { BenchRow, BenchSection } from './report';
import { runDigest, seedDigestRequest } from './seed';
import { withServer } from './server';
import { percentile, round } from './stats';

const REPEATS = 100;
/** Untimed repeats first: the first requests of a route pay for compiling its code. */
const WARM_UPS = 5;
const TARGET_P95_MS = 20;

export function benchCache(): Promise<BenchSection> {
  return withServer(async ({ origin }) => {
    const request = await seedDigestRequest();
    const started = performance.now();
    const first = await runDigest(origin, request);
    const firstMs = performance.now() - started;

    for (let i = 0; i < WARM_UPS; i++) await runDigest(origin, request);
    const times: number[] = [];
    const postTimes: number[] = [];
    let cached = 0;
    for (let i = 0; i < REPEATS; i++) {
      const repeatStarted = performance.now();
      const { reads, postMs } = await runDigest(origin, request);
      times.push(performance.now() - repeatStarted);
      postTimes.push(postMs);
      if (reads === 0) cached++;
    }

    const p95 = percentile(times, 95);
    const rows: BenchRow[] = [
      { metric: 'first digest (3 languages, fixture models)', value: firstMs, unit: 'ms' },
      { metric: `repeat, until done: p50`, value: percentile(times, 50), unit: 'ms' },
      {
        metric: `repeat, until done: p95`,
        value: p95,
        unit: 'ms',
        note: `${REPEATS} repeats; target ≤ ${TARGET_P95_MS} ms (${p95 <= TARGET_P95_MS ? 'met' : 'missed'})`,
      },
      {
        metric: '  of which the POST: p50',
        value: percentile(postTimes, 50),
        unit: 'ms',
        note: 'answer received; the rest is parsing it (and GETs while a job runs)',
      },
      {
        metric: 'repeats done at the POST (from the cache)',
        value: cached,
        unit: `of ${REPEATS}`,
      },
      { metric: 'result JSON per repeat', value: first.bytes / 1024, unit: 'kB' },
    ];
    return {
      name: 'cache',
      rows,
      details: {
        repeats: REPEATS,
        firstMs: round(firstMs),
        resultBytes: first.bytes,
        fromCache: cached,
        ms: {
          p50: round(percentile(times, 50)),
          p95: round(p95),
          p99: round(percentile(times, 99)),
          max: round(Math.max(...times)),
          postP50: round(percentile(postTimes, 50)),
          postP95: round(percentile(postTimes, 95)),
        },
        times: times.map((t) => round(t)),
      },
    };
  });
}
