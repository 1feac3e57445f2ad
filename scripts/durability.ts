/**
 * `npm run test:durability` (after `npm run build`): creates shares at load against the built server,
 * kill -9s it mid-load, restarts it on the same data, and checks that every share whose 201 arrived is
 * still readable and that SQLite's integrity check passes. Prints the numbers as JSON; exits 1 on any loss.
 * Traffic goes only to 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import type { ShareRequest } from '@/lib/schemas/share';
import { summarizeExtractive } from '@/lib/summarize/extractive';
import { startApp, type AppServer } from './app-server';

const CLIENTS = 16;
const LOAD_BEFORE_KILL_MS = 3_000;

/** The built app on `dataDir`, which outlives it: each phase kills it and starts it again on the same data. */
function startServer(dataDir: string): Promise<AppServer> {
  // The fixtures profile (the default there): the SIGTERM phase runs a real digest, and nothing may reach for a hub.
  return startApp({ dataDir, env: { BITEXT_RATE_SHARES: '0' } });
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

async function postDigest(origin: string, text: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/digests`, {
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
  let server = await startServer(dataDir);
  const id = await postDigest(server.origin, Array.from({ length: 20 }, () => article).join('\n\n'));
  const events = await fetch(`${server.origin}/api/v1/digests/${id}/events`);
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  let stream = '';
  while (!stream.includes('event: progress')) {
    const chunk = await reader.read();
    if (chunk.done || stream.includes('event: error'))
      throw new Error(`The job ended before any progress: ${stream}`);
    stream += chunk.value;
  }

  const signalled = Date.now();
  server.signal('SIGTERM');
  const ending = (async () => {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) stream += chunk.value;
  })().catch(() => undefined);
  await Promise.race([ending, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  const streamEndedMs = Date.now() - signalled;
  const exitCode = await Promise.race([
    server.exited,
    new Promise((resolve) => setTimeout(() => resolve('hung'), 15_000)),
  ]);
  // Gone already, unless it hung: then it is killed, so that it cannot touch the data of the next start.
  await server.close();
  const { integrity } = integrityOf(dataDir);

  server = await startServer(dataDir);
  const { origin } = server;
  const lostJob = (await fetch(`${origin}/api/v1/digests/${id}`)).status;
  const next = await postDigest(origin, article);
  let nextStatus = 'queued';
  for (let i = 0; i < 100 && !['done', 'failed'].includes(nextStatus); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    nextStatus = ((await (await fetch(`${origin}/api/v1/digests/${next}`)).json()) as { status: string })
      .status;
  }
  await server.close();
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
  let server = await startServer(dataDir);
  const { origin } = server;

  const acknowledged: string[] = [];
  let refused = 0;
  let killed = false;
  const client = async () => {
    while (!killed) {
      try {
        const response = await fetch(`${origin}/api/v1/shares`, {
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
  server.signal('SIGKILL');
  killed = true;
  const loadMs = Date.now() - started;
  await load;

  await server.exited;
  server = await startServer(dataDir);
  let found = 0;
  for (const id of acknowledged) {
    if ((await fetch(`${server.origin}/api/v1/shares/${id}`)).status === 200) found++;
  }
  await server.close();
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
  rmSync(dataDir, { recursive: true, force: true });
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
