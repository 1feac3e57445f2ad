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
  /** GETs until `done`: 1 when the job was done at once (answered from the result cache). */
  reads: number;
  /** Size of the last GET's body: the whole result. */
  bytes: number;
  /** How long the POST took to answer. */
  postMs: number;
}

/** POSTs a digest and reads it back until it has finished; fails unless it ends `done`. */
export async function runDigest(origin: string, request: DigestRequest): Promise<DigestRun> {
  const posted = performance.now();
  const started = await fetch(`${origin}/api/v1/digests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  await expectStatus(started, 202, 'POST /api/v1/digests');
  const { id } = (await started.json()) as { id: string };
  const postMs = performance.now() - posted;
  for (let reads = 1; ; reads++) {
    const response = await fetch(`${origin}/api/v1/digests/${id}`);
    await expectStatus(response, 200, `GET /api/v1/digests/${id}`);
    const body = await response.text();
    const job = JSON.parse(body) as JobView;
    if (job.status === 'done') return { job, reads, bytes: Buffer.byteLength(body), postMs };
    if (job.status !== 'queued' && job.status !== 'running') {
      throw new Error(`Digest ${id} ended ${job.status}: ${JSON.stringify(job.error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
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
