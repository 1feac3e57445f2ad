/**
 * `npm run test:durability` (after `npm run build`): creates shares at load against the built server,
 * kill -9s it mid-load, restarts it on the same data, and checks that every share whose 201 arrived is
 * still readable and that SQLite's integrity check passes. Prints the numbers as JSON; exits 1 on any loss.
 * Traffic goes only to 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import type { ShareRequest } from '@/lib/schemas/share';
import { summarizeExtractive } from '@/lib/summarize/extractive';

const PORT = Number(process.env.DURABILITY_PORT ?? 3195);
const BASE = `http://127.0.0.1:${PORT}`;
const CLIENTS = 16;
const LOAD_BEFORE_KILL_MS = 3_000;

function startServer(dataDir: string): ChildProcess {
  const server = spawn(
    path.resolve('node_modules/.bin/next'),
    ['start', '-H', '127.0.0.1', '-p', String(PORT)],
    {
      env: {
        ...process.env,
        // Fixture models: the SIGTERM phase runs a real digest, and nothing may reach for a hub.
        BITEXT_MODEL_PROFILE: 'fixtures',
        BITEXT_DATA_DIR: dataDir,
        BITEXT_RATE_SHARES: '0',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      // Its own process group, so kill -9 reaches every process it started.
      detached: true,
      stdio: 'ignore',
    },
  );
  return server;
}

async function waitUntilUp(deadline = Date.now() + 60_000): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Server did not start on ${BASE}`);
}

function sharePayload(): ShareRequest {
  const text = readFileSync('tests/fixtures/articles/en-sana-lavrov.txt', 'utf8');
  const sentences = sentencesOf(cleanArticle(text).body, 'en').map((s) => s.text);
  const options = {
    summary: { mode: 'extractive', type: 'key-points', length: 'short' },
    translate: 'summary',
  } as const;
  const summary = summarizeExtractive(sentences, { language: 'en', ...options.summary });
  return {
    source: { text, language: 'en' },
    summary: { mode: 'extractive', ...summary },
    translations: {},
    options,
    expires: 'never',
  };
}

function integrityOf(dataDir: string): { integrity: unknown; shares: number } {
  const db = new Database(path.join(dataDir, 'bitext.db'), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      shares: db.prepare('SELECT count(*) FROM shares').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

const exited = (server: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (server.exitCode !== null) resolve(server.exitCode);
    else server.once('exit', (code) => resolve(code));
  });

async function postDigest(text: string): Promise<string> {
  const response = await fetch(`${BASE}/api/v1/digests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, source: 'en', targets: ['ru', 'hi', 'zh-Hans'], translate: 'both' }),
  });
  if (response.status !== 202) throw new Error(`POST /api/v1/digests answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** Phase 2: SIGTERM while a digest runs. */
async function gracefulShutdown(dataDir: string) {
  const article = readFileSync('tests/fixtures/articles/en-sana-lavrov.txt', 'utf8');
  let server = startServer(dataDir);
  await waitUntilUp();
  const id = await postDigest(Array.from({ length: 20 }, () => article).join('\n\n'));
  const events = await fetch(`${BASE}/api/v1/digests/${id}/events`);
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  let stream = '';
  while (!stream.includes('event: progress')) {
    const chunk = await reader.read();
    if (chunk.done || stream.includes('event: error'))
      throw new Error(`The job ended before any progress: ${stream}`);
    stream += chunk.value;
  }

  const signalled = Date.now();
  process.kill(-server.pid!, 'SIGTERM');
  const ending = (async () => {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) stream += chunk.value;
  })().catch(() => undefined);
  await Promise.race([ending, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  const streamEndedMs = Date.now() - signalled;
  const exitCode = await Promise.race([
    exited(server),
    new Promise((resolve) => setTimeout(() => resolve('hung'), 15_000)),
  ]);
  const { integrity } = integrityOf(dataDir);

  server = startServer(dataDir);
  await waitUntilUp();
  const lostJob = (await fetch(`${BASE}/api/v1/digests/${id}`)).status;
  const next = await postDigest(article);
  let nextStatus = 'queued';
  for (let i = 0; i < 100 && !['done', 'failed'].includes(nextStatus); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    nextStatus = ((await (await fetch(`${BASE}/api/v1/digests/${next}`)).json()) as { status: string })
      .status;
  }
  process.kill(-server.pid!, 'SIGTERM');
  await exited(server);
  return {
    streamEndedWithCancelled: /event: error\ndata: \{"code":"cancelled"/.test(stream),
    streamEndedMs,
    exitCode,
    integrity,
    lostJobAfterRestart: lostJob,
    nextJobAfterRestart: nextStatus,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bitext-durability-'));
  const body = JSON.stringify(sharePayload());
  let server = startServer(dataDir);
  await waitUntilUp();

  const acknowledged: string[] = [];
  let refused = 0;
  let killed = false;
  const client = async () => {
    while (!killed) {
      try {
        const response = await fetch(`${BASE}/api/v1/shares`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
        else refused++;
      } catch {
        // The server died under us: this request was never acknowledged.
      }
    }
  };
  const started = Date.now();
  const load = Promise.all(Array.from({ length: CLIENTS }, client));
  await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_KILL_MS));
  process.kill(-server.pid!, 'SIGKILL');
  killed = true;
  const loadMs = Date.now() - started;
  await load;

  server = startServer(dataDir);
  await waitUntilUp();
  let found = 0;
  for (const id of acknowledged) if ((await fetch(`${BASE}/api/v1/shares/${id}`)).status === 200) found++;
  process.kill(-server.pid!, 'SIGTERM');
  await exited(server);
  const { integrity, shares } = integrityOf(dataDir);

  const killed9 = {
    clients: CLIENTS,
    loadMs,
    acknowledged: acknowledged.length,
    createdPerSecond: Math.round((acknowledged.length / loadMs) * 1000),
    refused,
    foundAfterRestart: found,
    lost: acknowledged.length - found,
    rowsInDatabase: shares,
    integrity,
  };
  const sigterm = await gracefulShutdown(dataDir);
  console.log(JSON.stringify({ killed9, sigterm }, null, 2));
  const ok =
    killed9.acknowledged > 0 &&
    killed9.lost === 0 &&
    integrity === 'ok' &&
    sigterm.streamEndedWithCancelled &&
    sigterm.exitCode !== 'hung' &&
    sigterm.integrity === 'ok' &&
    sigterm.lostJobAfterRestart === 404 &&
    sigterm.nextJobAfterRestart === 'done';
  if (!ok) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
