/**
 * `npm run bench -- pages`: the pages at the framework's speed (issue 16), against the production build.
 * For each route — the floor `/api/v1/health`, a share's JSON, the workspace `/en`, the share page — its
 * throughput at 32 connections as a ratio to the floor in the same run (the machine is shared and noisy),
 * then its p50/p99 at a fixed offered load of 40 req/s over 8 connections (at full load latency is only
 * connections ÷ throughput); the two pages' HTML bytes and first-load JS; Lighthouse medians of 3 runs.
 * The share is the seed article in three languages, made as the workspace makes one. The bench's server runs
 * the fixtures profile, so build with it too (`BITEXT_MODEL_PROFILE=fixtures BITEXT_ALLOW_REMOTE_MODELS=0
 * npm run build`), or `/en` is rendered per request (a build for other settings: see proxy.ts).
 */
import { gzipSync } from 'node:zlib';
import { autocannon, type LoadResult } from './http-load';
import { audit, CATEGORIES, launchChromium, TARGETS, type Category, type PageScores } from './lighthouse';
import { fetchAsset, scriptUrls } from './page-weight';
import type { BenchRow, BenchSection } from './report';
import { createSeedShare } from './seed';
import { withServer } from './server';
import { median, round } from './stats';

const DURATION_S = 10;
const WARM_UP_S = 2;
const FULL_LOAD_CONNECTIONS = 32;
const FIXED_LOAD = { rate: 40, connections: 8 };
const LIGHTHOUSE_RUNS = 3;
const FIRST_LOAD_TARGET_KB = 180;

interface Route {
  label: string;
  path: string;
  /** Throughput target as a fraction of the floor's, and the p99 target at the fixed load. */
  target?: { ratio: number; p99Ms: number };
}

const kB = (bytes: number) => bytes / 1000;
const verdict = (met: boolean) => (met ? 'met' : 'missed');

function failures(result: LoadResult): string {
  const failed = result.errors + result.timeouts + result.non2xx;
  return failed > 0
    ? `FAILED: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`
    : '';
}

function fullLoad(origin: string, path: string): Promise<LoadResult> {
  const connections = FULL_LOAD_CONNECTIONS;
  return autocannon({
    url: `${origin}${path}`,
    connections,
    duration: DURATION_S,
    warmup: { connections, duration: WARM_UP_S },
  });
}

function fixedLoad(origin: string, path: string): Promise<LoadResult> {
  const { connections, rate } = FIXED_LOAD;
  return autocannon({ url: `${origin}${path}`, connections, duration: DURATION_S, overallRate: rate });
}

function loadRows(route: Route, full: LoadResult, fixed: LoadResult, floor: LoadResult): BenchRow[] {
  const ratio = full.requests.average / floor.requests.average;
  const { target } = route;
  return [
    {
      metric: `${route.label}, ${FULL_LOAD_CONNECTIONS} connections`,
      value: full.requests.average,
      unit: 'req/s',
      note: [
        target
          ? `${ratio.toFixed(2)}× the floor; target ≥ ${target.ratio}× (${verdict(ratio >= target.ratio)})`
          : '',
        failures(full),
      ]
        .filter(Boolean)
        .join('; '),
    },
    {
      metric: `  at ${FIXED_LOAD.rate} req/s over ${FIXED_LOAD.connections}: p50`,
      value: fixed.latency.p50,
      unit: 'ms',
      note: `${fixed.requests.average.toFixed(1)} req/s served`,
    },
    {
      metric: `  at ${FIXED_LOAD.rate} req/s over ${FIXED_LOAD.connections}: p99`,
      value: fixed.latency.p99,
      unit: 'ms',
      note: [
        target ? `target < ${target.p99Ms} ms (${verdict(fixed.latency.p99 < target.p99Ms)})` : '',
        failures(fixed),
      ]
        .filter(Boolean)
        .join('; '),
    },
  ];
}

interface Weight {
  htmlBytes: number;
  htmlGzipBytes: number;
  firstLoadGzipBytes: number;
  scripts: number;
  cacheControl: string | null;
  /** Served as `next build` prerendered it, not rendered for the request. */
  prerendered: boolean;
}

async function weigh(origin: string, path: string): Promise<Weight> {
  const page = await fetch(`${origin}${path}`);
  if (!page.ok) throw new Error(`GET ${path}: HTTP ${page.status}`);
  const html = Buffer.from(await page.arrayBuffer());
  const scripts = await Promise.all(scriptUrls(html.toString('utf8'), origin).map(fetchAsset));
  return {
    htmlBytes: html.length,
    htmlGzipBytes: gzipSync(html, { level: 9 }).length,
    firstLoadGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
    scripts: scripts.length,
    cacheControl: page.headers.get('cache-control'),
    prerendered: page.headers.has('x-nextjs-prerender') || page.headers.has('x-nextjs-cache'),
  };
}

function weightRows(label: string, weight: Weight, firstLoadTarget: boolean): BenchRow[] {
  const firstLoad = kB(weight.firstLoadGzipBytes);
  return [
    {
      metric: `${label} HTML`,
      value: kB(weight.htmlBytes),
      unit: 'kB',
      note: `${kB(weight.htmlGzipBytes).toFixed(1)} kB gzip -9; ${weight.prerendered ? 'prerendered' : 'rendered by the server (kept once hot)'}; Cache-Control: ${weight.cacheControl ?? 'none'}`,
    },
    {
      metric: `${label} first-load JS (gzip -9)`,
      value: firstLoad,
      unit: 'kB',
      note: [
        `${weight.scripts} scripts`,
        firstLoadTarget
          ? `target ≤ ${FIRST_LOAD_TARGET_KB} kB (${verdict(firstLoad <= FIRST_LOAD_TARGET_KB)})`
          : '',
      ]
        .filter(Boolean)
        .join('; '),
    },
  ];
}

type Medians = Record<Category, { median: number; runs: number[]; failing: string[] }>;

async function lighthouseMedians(url: string, label: string): Promise<Medians> {
  const chromium = await launchChromium();
  try {
    const runs: PageScores[] = [];
    // One after the other: Lighthouse needs the machine to itself to mean anything.
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await audit(url, label, chromium.port));
    return Object.fromEntries(
      CATEGORIES.map((id) => {
        const scores = runs.map((run) => run.scores[id]);
        return [
          id,
          { median: median(scores), runs: scores, failing: [...new Set(runs.flatMap((r) => r.failing[id]))] },
        ];
      }),
    ) as Medians;
  } finally {
    await chromium.close();
  }
}

function lighthouseRows(label: string, medians: Medians, skip: Category[] = []): BenchRow[] {
  return CATEGORIES.map((id) => {
    const { median: score, runs, failing } = medians[id];
    const target = skip.includes(id) ? '' : `target ≥ ${TARGETS[id]} (${verdict(score >= TARGETS[id])})`;
    return {
      metric: `${label} Lighthouse ${id}`,
      value: score,
      unit: '',
      note: [`median of ${runs.join(', ')}`, target, failing.length ? `failing: ${failing.join(', ')}` : '']
        .filter(Boolean)
        .join('; '),
    };
  });
}

export function benchPages(): Promise<BenchSection> {
  return withServer(async ({ origin }) => {
    const share = await createSeedShare(origin);
    const sharePage = `/en/s/${share.id}`;
    const routes: Route[] = [
      { label: 'GET /api/v1/health (floor)', path: '/api/v1/health' },
      { label: 'GET /api/v1/shares/{id}', path: `/api/v1/shares/${share.id}` },
      { label: 'workspace /en', path: '/en', target: { ratio: 0.8, p99Ms: 100 } },
      { label: 'share page /en/s/{id}', path: sharePage, target: { ratio: 0.5, p99Ms: 100 } },
    ];
    const full: LoadResult[] = [];
    const fixed: LoadResult[] = [];
    for (const route of routes) {
      full.push(await fullLoad(origin, route.path));
      fixed.push(await fixedLoad(origin, route.path));
    }
    const floor = full[0]!;
    const workspaceWeight = await weigh(origin, '/en');
    const shareWeight = await weigh(origin, sharePage);
    const workspaceScores = await lighthouseMedians(`${origin}/en`, '/en');
    const shareScores = await lighthouseMedians(`${origin}${sharePage}`, '/en/s/{id}');

    return {
      name: 'pages',
      rows: [
        ...routes.flatMap((route, i) => loadRows(route, full[i]!, fixed[i]!, floor)),
        ...weightRows('/en', workspaceWeight, true),
        ...weightRows('/en/s/{id}', shareWeight, false),
        ...lighthouseRows('/en', workspaceScores),
        // Share pages are `noindex` by design: their SEO score has no target.
        ...lighthouseRows('/en/s/{id}', shareScores, ['seo']),
      ],
      details: {
        durationSeconds: DURATION_S,
        warmUpSeconds: WARM_UP_S,
        fullLoadConnections: FULL_LOAD_CONNECTIONS,
        fixedLoad: FIXED_LOAD,
        routes: routes.map((route, i) => ({
          ...route,
          path: route.path.replace(share.id, '{id}'),
          full: { requestsPerSecond: round(full[i]!.requests.average), latencyMs: full[i]!.latency },
          fixed: { requestsPerSecond: round(fixed[i]!.requests.average), latencyMs: fixed[i]!.latency },
        })),
        weight: { workspace: workspaceWeight, share: shareWeight },
        lighthouse: { workspace: workspaceScores, share: shareScores },
      },
    };
  });
}
