/**
 * Bench 8: HTTP load on a share, the most-read thing Bitext serves: `GET /api/v1/shares/{id}` (JSON) and
 * the share page `/en/s/{id}` (server-rendered HTML), each hammered by autocannon on 127.0.0.1 for a fixed
 * time after a short warm-up. autocannon runs in this process, `next start` in its own; on two cores they
 * get one each.
 */
import { createRequire } from 'node:module';
import type { BenchRow, BenchSection } from './report';
import { createSeedShare } from './seed';
import { withServer } from './server';
import { round } from './stats';

const DURATION_S = 10;
const WARM_UP_S = 2;
const TARGET = { requestsPerSecond: 1_500, p99Ms: 50 };

/** The part of autocannon's result the benches read (the package ships no types). */
export interface LoadResult {
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p99: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  /** Requests per second over all connections: a fixed offered load instead of as fast as it answers. */
  overallRate?: number;
  warmup?: { connections: number; duration: number };
}) => Promise<LoadResult>;

// A CommonJS package without types: typed here by what the benches use of it.
export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Target {
  label: string;
  path: string;
  connections: number;
}

async function load(origin: string, { path, connections }: Target): Promise<LoadResult> {
  return autocannon({
    url: `${origin}${path}`,
    connections,
    duration: DURATION_S,
    warmup: { connections, duration: WARM_UP_S },
  });
}

function rowsFor(target: Target, result: LoadResult, withTarget: boolean): BenchRow[] {
  const failed = result.errors + result.timeouts + result.non2xx;
  const met = result.requests.average >= TARGET.requestsPerSecond && result.latency.p99 < TARGET.p99Ms;
  return [
    {
      metric: `${target.label}, ${target.connections} connections`,
      value: result.requests.average,
      unit: 'req/s',
      note: [
        withTarget &&
          `target ≥ ${TARGET.requestsPerSecond} req/s with p99 < ${TARGET.p99Ms} ms (${met ? 'met' : 'missed'})`,
        failed > 0 &&
          `FAILED: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
      ]
        .filter(Boolean)
        .join('; '),
    },
    { metric: `  p99 latency`, value: result.latency.p99, unit: 'ms' },
  ];
}

export function benchHttpLoad(): Promise<BenchSection> {
  return withServer(async ({ origin }) => {
    const share = await createSeedShare(origin);
    const json = await fetch(`${origin}/api/v1/shares/${share.id}`);
    const jsonBytes = (await json.arrayBuffer()).byteLength;
    const targets: Target[] = [
      // The framework's floor on this machine: a route that does nothing but answer a small JSON.
      { label: 'GET /api/v1/health (floor)', path: '/api/v1/health', connections: 10 },
      { label: 'GET /api/v1/shares/{id}', path: `/api/v1/shares/${share.id}`, connections: 10 },
      { label: 'GET /api/v1/shares/{id}', path: `/api/v1/shares/${share.id}`, connections: 50 },
      { label: 'share page /en/s/{id}', path: `/en/s/${share.id}`, connections: 10 },
    ];
    const results: LoadResult[] = [];
    for (const target of targets) results.push(await load(origin, target));

    const rows = targets.flatMap((target, i) =>
      rowsFor(target, results[i]!, target.path.startsWith('/api/v1/shares/')),
    );
    rows.push({
      metric: 'share JSON per response',
      value: jsonBytes / 1024,
      unit: 'kB',
      note: `Cache-Control: ${json.headers.get('cache-control') ?? 'none'}`,
    });
    return {
      name: 'http-load',
      rows,
      details: {
        durationSeconds: DURATION_S,
        warmUpSeconds: WARM_UP_S,
        jsonBytes,
        runs: targets.map((target, i) => {
          const r = results[i]!;
          return {
            ...target,
            path: target.path.replace(share.id, '{id}'),
            requestsPerSecond: round(r.requests.average),
            requests: r.requests.total,
            latencyMs: {
              average: round(r.latency.average),
              p50: r.latency.p50,
              p99: r.latency.p99,
              max: r.latency.max,
            },
            bytesPerSecond: Math.round(r.throughput.average),
            errors: r.errors,
            timeouts: r.timeouts,
            non2xx: r.non2xx,
          };
        }),
      },
    };
  });
}
