/**
 * The workload the benchmarks share: the seed article digested into the three languages, with an
 * extractive summary and both the summary and the article translated — what the workspace runs by default
 * on the sample — and, over HTTP, the share its Share button would upload.
 */
import { readFile } from 'node:fs/promises';
import type { DigestRequest } from '@/lib/pipeline/digest';
import type { JobView } from '@/lib/pipeline/protocol';
import { toShareRequest, type ShareCreated, type ShareRequest } from '@/lib/schemas/share';

const SEED_ARTICLE = new URL('../../tests/fixtures/articles/en-sana-lavrov.txt', import.meta.url);

const SEED_OPTIONS: ShareRequest['options'] = {
  summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
  translate: 'both',
};

/**
 * `copies` copies of `article`, every paragraph numbered so that no sentence repeats (a repeated sentence is
 * translated once): a long run. `label` makes each caller's text its own: the same text would be answered
 * from the result cache, done at once.
 */
export function numberedCopies(article: string, copies: number, label: string): string {
  return Array.from({ length: copies }, (_, copy) =>
    article
      .split('\n\n')
      .map((paragraph) => `(${label} ${copy + 1}) ${paragraph}`)
      .join('\n\n'),
  ).join('\n\n');
}

export function seedArticle(): Promise<string> {
  return readFile(SEED_ARTICLE, 'utf8');
}

export async function seedDigestRequest(): Promise<DigestRequest> {
  return { text: await seedArticle(), targets: ['ru', 'zh-Hans', 'hi'], ...SEED_OPTIONS };
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${response.status}: ${await response.text()}`);
  }
}

export interface DigestRun {
  job: JobView;
  /** GETs until `done`: 0 when the POST already brought the finished job (answered from the result cache). */
  reads: number;
  /** Size of the body that brought the result. */
  bytes: number;
  /** How long the POST took to answer. */
  postMs: number;
}

/**
 * POSTs a digest and, unless the POST brought it finished, reads it back until it has; fails unless it
 * ends `done`. This is what the workspace does (it follows the events rather than polling).
 */
export async function runDigest(origin: string, request: DigestRequest): Promise<DigestRun> {
  const posted = performance.now();
  const started = await fetch(`${origin}/api/v1/digests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  await expectStatus(started, 202, 'POST /api/v1/digests');
  let body = await started.text();
  const postMs = performance.now() - posted;
  for (let reads = 0; ; reads++) {
    const job = JSON.parse(body) as JobView;
    if (job.status === 'done') return { job, reads, bytes: Buffer.byteLength(body), postMs };
    if (job.status !== 'queued' && job.status !== 'running') {
      throw new Error(`Digest ${job.id} ended ${job.status}: ${JSON.stringify(job.error)}`);
    }
    if (reads > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await fetch(`${origin}/api/v1/digests/${job.id}`);
    await expectStatus(response, 200, `GET /api/v1/digests/${job.id}`);
    body = await response.text();
  }
}

/** A share of the seed digest, made as the workspace makes one: run on the server, then uploaded. */
export async function createSeedShare(origin: string): Promise<ShareCreated> {
  const request = await seedDigestRequest();
  const { job } = await runDigest(origin, request);
  const response = await fetch(`${origin}/api/v1/shares`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(toShareRequest(request.text, job.result!, SEED_OPTIONS)),
  });
  await expectStatus(response, 201, 'POST /api/v1/shares');
  return (await response.json()) as ShareCreated;
}
