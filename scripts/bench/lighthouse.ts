/**
 * Bench 7: Lighthouse (its Node API, desktop preset: simulated fast network, no CPU slowdown) on the
 * workspace `/en` and on a share page, in the system Chromium, headless. Scores are 0–100. Share pages are
 * `noindex` on purpose, so their SEO score is expected to be lower.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import type { BenchRow, BenchSection } from './report';
import { createSeedShare } from './seed';
import { freePort, withServer } from './server';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The targets for `/en`. */
export const TARGETS: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

interface Chromium {
  port: number;
  close(): Promise<void>;
}

/** The same browser as the e2e tests (PLAYWRIGHT_CHROMIUM_PATH, else Debian's), with a DevTools port. */
export async function launchChromium(): Promise<Chromium> {
  const executable = chromiumPath();
  const port = await freePort();
  const profile = await mkdtemp(path.join(tmpdir(), 'bitext-bench-chromium-'));
  const child = spawn(
    executable,
    [
      '--headless=new',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      ...CHROMIUM_ARGS,
      'about:blank',
    ],
    // Its own process group, so that closing it takes its renderer and GPU processes too.
    { stdio: 'ignore', detached: true },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    await rm(profile, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return { port, close };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await close();
  throw new Error(`Chromium did not open its DevTools port ${port} within 30 s`);
}

export interface PageScores {
  page: string;
  scores: Record<Category, number>;
  /** Audits that cost points, per category: what to fix. */
  failing: Record<Category, string[]>;
  /** What those audits found, a few items each (for the JSON file). */
  findings: Record<string, unknown[]>;
  metrics: Record<string, number | undefined>;
}

export async function audit(url: string, label: string, port: number): Promise<PageScores> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    desktopConfig,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const category = (id: Category): Result.Category => {
    const found = lhr.categories[id];
    if (!found) throw new Error(`Lighthouse reported no ${id} category for ${url}`);
    return found;
  };
  const failingAudits = (id: Category) =>
    category(id)
      .auditRefs.filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1)
      .map((a) => `${a!.id} (${a!.score})`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue;
  const failing = Object.fromEntries(CATEGORIES.map((id) => [id, failingAudits(id)])) as Record<
    Category,
    string[]
  >;
  const findings = Object.fromEntries(
    Object.values(failing)
      .flat()
      .map((entry) => entry.split(' ')[0]!)
      .map((id) => {
        const details = lhr.audits[id]?.details as { items?: unknown[] } | undefined;
        return [id, (details?.items ?? []).slice(0, 5)];
      }),
  );
  return {
    page: label,
    scores: Object.fromEntries(
      CATEGORIES.map((id) => [id, Math.round((category(id).score ?? 0) * 100)]),
    ) as Record<Category, number>,
    failing,
    findings,
    metrics: {
      firstContentfulPaintMs: numeric('first-contentful-paint'),
      largestContentfulPaintMs: numeric('largest-contentful-paint'),
      totalBlockingTimeMs: numeric('total-blocking-time'),
      cumulativeLayoutShift: numeric('cumulative-layout-shift'),
      speedIndexMs: numeric('speed-index'),
    },
  };
}

function rowsFor(result: PageScores, withTargets: boolean): BenchRow[] {
  return CATEGORIES.map((id) => {
    const score = result.scores[id];
    const target = withTargets ? `target ≥ ${TARGETS[id]} (${score >= TARGETS[id] ? 'met' : 'missed'})` : '';
    const failing = result.failing[id].length ? `failing: ${result.failing[id].join(', ')}` : '';
    return {
      metric: `${result.page} ${id} (desktop)`,
      value: score,
      unit: '',
      note: [target, failing].filter(Boolean).join('; '),
    };
  });
}

export function benchLighthouse(): Promise<BenchSection> {
  return withServer(async ({ origin }) => {
    const share = await createSeedShare(origin);
    const chromium = await launchChromium();
    try {
      // One after the other: Lighthouse needs the whole machine to itself to mean anything.
      const workspace = await audit(`${origin}/en`, '/en', chromium.port);
      const shared = await audit(`${origin}/en/s/${share.id}`, '/en/s/{id}', chromium.port);
      return {
        name: 'lighthouse',
        rows: [...rowsFor(workspace, true), ...rowsFor(shared, false)],
        details: { preset: 'desktop', pages: [workspace, shared] },
      };
    } finally {
      await chromium.close();
    }
  });
}
