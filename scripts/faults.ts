/**
 * `npm run test:faults` (after `npm run build`): the scaled-out topology (Postgres, Redis, two web
 * processes, two workers; scripts/topology.ts) under the faults issue 11 promises to survive:
 *   workerKill    kill -9 the worker running a digest: its SSE stream still ends `done` (another worker ran
 *                 it again, saying `restarted`), and the result equals the same digest computed here;
 *   webKill       kill -9 a web process under share-creation load: every acknowledged share reads through
 *                 the other (and through the restarted one);
 *   redisOutage   Redis stopped for 5 s under digest and share load: digests answer 503 with Retry-After,
 *                 never another 5xx; digests are accepted again once Redis is back, and run;
 *   postgresRestart  Postgres restarted under share load: refusals are 503 with Retry-After, never another
 *                 5xx, and no acknowledged share is lost.
 * Each scenario is bounded in time. Prints one JSON object with every scenario's counts; exits 1 on any
 * broken promise. Traffic goes only to 127.0.0.1.
 */
import { digest as digestHere, type DigestRequest, type DigestResult } from '@/lib/pipeline/digest';
import { serverPipelineContext } from '@/lib/server/engine';
import { withTimeout } from '@/lib/server/timeout';
import { toShareRequest } from '@/lib/schemas/share';
import { numberedCopies, runDigest, seedDigestRequest } from './bench/seed';
import { groupCpuTicks } from './process-group';
import { startTopology, type Topology } from './topology';

const SCENARIO_TIMEOUT_MS = 180_000;
const SHARE_CLIENTS = 8;
const LOAD_BEFORE_FAULT_MS = 3_000;
const REDIS_DOWN_MS = 5_000;
/** How long a recovered dependency may take before requests succeed again. */
const RECOVERY_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------------------
// Load: clients sending one kind of request in a loop, every answer counted.

interface LoadCounts {
  sent: number;
  /** 2xx answers; for shares, the ids whose 201 arrived are in `acknowledged`. */
  accepted: number;
  /** 503s carrying Retry-After, by error code. */
  unavailableWithRetryAfter: Record<string, number>;
  /** 503s without Retry-After: a broken promise. */
  unavailableWithoutRetryAfter: number;
  /** 5xx other than 503: a broken promise. */
  other5xx: Record<string, number>;
  /** 4xx (none expected: rate limits are off here). */
  other4xx: Record<string, number>;
  /** No answer at all (a killed web process's connections). */
  networkErrors: number;
}

interface Load {
  counts: LoadCounts;
  acknowledged: string[];
  /** When the last 2xx arrived (ms since epoch). */
  lastOkAt: number;
  stop(): Promise<void>;
}

function emptyCounts(): LoadCounts {
  return {
    sent: 0,
    accepted: 0,
    unavailableWithRetryAfter: {},
    unavailableWithoutRetryAfter: 0,
    other5xx: {},
    other4xx: {},
    networkErrors: 0,
  };
}

const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);

/**
 * `clients` loops, each sending `send(n)` (n counts requests) and pausing `pauseMs` between requests.
 * `idOf` reads what a 2xx acknowledged (a share's id), if anything.
 */
function startLoad(
  clients: number,
  send: (n: number) => Promise<Response>,
  { pauseMs = 0, idOf }: { pauseMs?: number; idOf?: (body: unknown) => string } = {},
): Load {
  const counts = emptyCounts();
  const acknowledged: string[] = [];
  const load: Load = { counts, acknowledged, lastOkAt: 0, stop: async () => undefined };
  let stopped = false;
  const client = async () => {
    while (!stopped) {
      const n = counts.sent++;
      try {
        const response = await send(n);
        const body = (await response.json().catch(() => undefined)) as
          { error?: { code?: string } } | undefined;
        const code = body?.error?.code ?? String(response.status);
        if (response.ok) {
          counts.accepted++;
          load.lastOkAt = Date.now();
          if (idOf) acknowledged.push(idOf(body));
        } else if (response.status === 503) {
          if (response.headers.get('retry-after')) bump(counts.unavailableWithRetryAfter, code);
          else counts.unavailableWithoutRetryAfter++;
        } else if (response.status >= 500) bump(counts.other5xx, `${response.status} ${code}`);
        else bump(counts.other4xx, `${response.status} ${code}`);
      } catch {
        // The connection failed: nothing was acknowledged.
        counts.networkErrors++;
      }
      if (pauseMs) await sleep(pauseMs);
    }
  };
  const running = Promise.all(Array.from({ length: clients }, client));
  load.stop = async () => {
    stopped = true;
    await running;
  };
  return load;
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

/** How many of `ids` read 200 through `origin`'s share API. */
async function readable(origin: string, ids: string[]): Promise<number> {
  let found = 0;
  for (const id of ids) {
    const response = await fetch(`${origin}/api/v1/shares/${id}`);
    if (response.status === 200) found++;
    await response.body?.cancel();
  }
  return found;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it holds; returns the milliseconds it took, or undefined past `timeoutMs`. */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await sleep(200);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The scenarios. Each leaves the topology as it found it: every process running, every dependency up.

interface Fixtures {
  digest: DigestRequest;
  share: unknown;
}

/** A share's id from POST /api/v1/shares's answer. */
const shareId = (body: unknown) => (body as { id: string }).id;

/**
 * Which worker runs the only job: the one whose CPU time grew since `before` (taken when it was posted).
 * The idle one blocks on Redis and uses next to none.
 */
function busyWorker(topology: Topology, before: number[]): number {
  const used = topology.workers.map((w, i) => groupCpuTicks(w.pid) - before[i]!);
  const busiest = Math.max(...used);
  const victim = used.indexOf(busiest);
  if (busiest < 5 || used.some((u, i) => i !== victim && u * 2 > busiest)) {
    throw new Error(`Cannot tell which worker runs the digest: CPU ticks ${used.join(', ')}`);
  }
  return victim;
}

interface SseEvent {
  event: string;
  data: string;
}

function parseSse(stream: string): SseEvent[] {
  return stream
    .split('\n\n')
    .map((block) => {
      const lines = block.split('\n');
      const field = (name: string) =>
        lines
          .filter((line) => line.startsWith(`${name}:`))
          .map((line) => line.slice(name.length + 1).trimStart())
          .join('\n');
      return { event: field('event'), data: field('data') };
    })
    .filter((e) => e.event);
}

/** What makes two digests the same: everything but where the models ran. */
function essence(result: DigestResult): string {
  return JSON.stringify({ ...result, runtime: undefined });
}

async function workerKill(topology: Topology, { digest }: Fixtures) {
  const [originA] = topology.urls as [string];
  // Seconds long on the fixture models, no sentence repeated (each is translated once), never cached.
  const request: DigestRequest = {
    ...digest,
    text: numberedCopies(digest.text, 10, `worker-kill ${Date.now()}`),
  };
  const before = topology.workers.map((w) => groupCpuTicks(w.pid));
  const posted = await post(`${originA}/api/v1/digests`, request);
  if (posted.status !== 202) throw new Error(`POST /api/v1/digests answered ${posted.status}`);
  const { id } = (await posted.json()) as { id: string };
  const abort = AbortSignal.timeout(SCENARIO_TIMEOUT_MS - 30_000);
  const events = await fetch(`${originA}/api/v1/digests/${id}/events`, { signal: abort });
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  let stream = '';
  while (!stream.includes('event: progress')) {
    const chunk = await reader.read();
    if (chunk.done) throw new Error(`The stream ended before any progress: ${stream}`);
    stream += chunk.value;
  }
  await sleep(300);
  const victim = busyWorker(topology, before);
  const killedAt = Date.now();
  topology.workers[victim]!.kill();
  await topology.workers[victim]!.exited;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) stream += chunk.value;
  const doneAfterKillMs = Date.now() - killedAt;
  await topology.restartWorker(victim);

  const parsed = parseSse(stream);
  const last = parsed.at(-1);
  const done = last?.event === 'done' ? (JSON.parse(last.data) as DigestResult) : undefined;
  // The same digest made here, in this process, on the same fixture models: what the stream must end with.
  const expected = await digestHere(request, serverPipelineContext());
  const resultRight = done !== undefined && essence(done) === essence(expected);
  const counts = {
    killedWorker: victim,
    restartedSeen: parsed.filter((e) => e.event === 'restarted').length,
    endedWith: last?.event ?? 'nothing',
    resultRight,
    doneAfterKillMs,
  };
  // Without a `restarted` the other worker never took over: the kill came too late to test anything.
  return { ...counts, ok: counts.restartedSeen > 0 && counts.endedWith === 'done' && resultRight };
}

async function webKill(topology: Topology, { share }: Fixtures) {
  const [originA, originB] = topology.urls as [string, string];
  const load = startLoad(SHARE_CLIENTS, () => post(`${originA}/api/v1/shares`, share), { idOf: shareId });
  await sleep(LOAD_BEFORE_FAULT_MS);
  topology.web[0]!.signal('SIGKILL');
  await topology.web[0]!.exited;
  await load.stop();
  const readableThroughB = await readable(originB, load.acknowledged);
  await topology.restartWeb(0);
  const readableThroughRestarted = await readable(originA, load.acknowledged);
  const acknowledged = load.acknowledged.length;
  const counts = {
    ...load.counts,
    acknowledged,
    readableThroughOther: readableThroughB,
    readableThroughRestarted,
    lost: acknowledged - Math.min(readableThroughB, readableThroughRestarted),
  };
  return {
    ...counts,
    ok: acknowledged > 0 && counts.lost === 0 && Object.keys(counts.other5xx).length === 0,
  };
}

async function redisOutage(topology: Topology, { digest, share }: Fixtures) {
  const [originA, originB] = topology.urls as [string, string];
  // Every digest a new text, so none is answered from the result cache without the queue; one cheap target.
  const digestOf = (n: number): DigestRequest => ({
    ...digest,
    text: `${digest.text}\n\nFault-script digest number ${n}.`,
    targets: ['ru'],
    translate: 'summary',
  });
  const runId = Date.now();
  const digests = startLoad(2, (n) => post(`${originA}/api/v1/digests`, digestOf(runId + n)), {
    pauseMs: 250,
  });
  const shares = startLoad(2, () => post(`${originB}/api/v1/shares`, share), { idOf: shareId, pauseMs: 50 });
  await sleep(LOAD_BEFORE_FAULT_MS);
  await topology.redis.stop();
  await sleep(REDIS_DOWN_MS);
  const acceptedWhileDown = digests.counts.accepted;
  await topology.redis.start();
  const back = Date.now();
  const recoveredMs = await waitFor(async () => digests.lastOkAt > back, RECOVERY_TIMEOUT_MS);
  await Promise.all([digests.stop(), shares.stop()]);
  // And a digest sent after recovery runs to the end on a worker.
  const after = await runDigest(originA, digestOf(runId - 1))
    .then(({ job }) => job.status)
    .catch((error: unknown) => String(error));
  const counts = {
    digests: { ...digests.counts, acceptedBeforeRecovery: acceptedWhileDown },
    shares: { ...shares.counts, acknowledged: shares.acknowledged.length },
    digestsAcceptedAgainAfterMs: recoveredMs ?? null,
    digestAfterRecovery: after,
  };
  const unavailable = (counts.digests.unavailableWithRetryAfter.queue_unavailable ?? 0) > 0;
  return {
    ...counts,
    ok:
      unavailable &&
      recoveredMs !== undefined &&
      after === 'done' &&
      [digests.counts, shares.counts].every(
        (c) => Object.keys(c.other5xx).length === 0 && c.unavailableWithoutRetryAfter === 0,
      ),
  };
}

async function postgresRestart(topology: Topology, { share }: Fixtures) {
  const [originA, originB] = topology.urls as [string, string];
  const load = startLoad(SHARE_CLIENTS, (n) => post(`${n % 2 ? originB : originA}/api/v1/shares`, share), {
    idOf: shareId,
  });
  await sleep(LOAD_BEFORE_FAULT_MS);
  await topology.postgres.stop();
  await topology.postgres.start();
  const back = Date.now();
  const recoveredMs = await waitFor(async () => load.lastOkAt > back, RECOVERY_TIMEOUT_MS);
  await sleep(1_000);
  await load.stop();
  const acknowledged = load.acknowledged.length;
  const [throughA, throughB] = [
    await readable(originA, load.acknowledged),
    await readable(originB, load.acknowledged),
  ];
  const counts = {
    ...load.counts,
    acknowledged,
    readableThroughA: throughA,
    readableThroughB: throughB,
    lost: acknowledged - Math.min(throughA, throughB),
    writesAcceptedAgainAfterMs: recoveredMs ?? null,
  };
  return {
    ...counts,
    ok:
      acknowledged > 0 &&
      counts.lost === 0 &&
      recoveredMs !== undefined &&
      Object.keys(counts.other5xx).length === 0 &&
      counts.unavailableWithoutRetryAfter === 0,
  };
}

// ---------------------------------------------------------------------------------------------------------

async function bounded<T extends { ok: boolean }>(
  name: string,
  scenario: () => Promise<T>,
): Promise<T | { ok: false; error: string }> {
  console.error(`faults: ${name}…`);
  try {
    return await withTimeout(scenario(), SCENARIO_TIMEOUT_MS, name);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function main(): Promise<void> {
  // The reference digest in workerKill runs here, on the same fixture models as the workers.
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_ALLOW_REMOTE_MODELS = '0';
  const topology = await startTopology({
    web: 2,
    workers: 2,
    // Load from one address: limits would turn it into 429s and hide what the faults do.
    webEnv: { BITEXT_RATE_SHARES: '0', BITEXT_RATE_DIGESTS: '0' },
    // One thread per worker: two workers and two web processes share two cores.
    workerEnv: { BITEXT_THREADS: '1' },
  });
  const results: Record<string, { ok: boolean }> = {};
  try {
    // One real digest through the topology first: the share the load uploads, as the Share button makes it.
    const digest = await seedDigestRequest();
    const { job } = await runDigest(topology.urls[0]!, digest);
    const fixtures: Fixtures = {
      digest,
      share: toShareRequest(digest.text, job.result!, {
        summary: digest.summary,
        translate: digest.translate,
      }),
    };
    results.workerKill = await bounded('workerKill', () => workerKill(topology, fixtures));
    results.webKill = await bounded('webKill', () => webKill(topology, fixtures));
    results.redisOutage = await bounded('redisOutage', () => redisOutage(topology, fixtures));
    results.postgresRestart = await bounded('postgresRestart', () => postgresRestart(topology, fixtures));
  } finally {
    await topology.close();
  }
  console.log(JSON.stringify(results, null, 2));
  if (!Object.values(results).every((r) => r.ok)) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
