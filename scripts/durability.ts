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

  const db = new Database(path.join(dataDir, 'bitext.db'), { readonly: true });
  const integrity = db.pragma('integrity_check', { simple: true });
  const stored = db.prepare('SELECT count(*) FROM shares').pluck().get() as number;
  db.close();

  const report = {
    clients: CLIENTS,
    loadMs,
    acknowledged: acknowledged.length,
    createdPerSecond: Math.round((acknowledged.length / loadMs) * 1000),
    refused,
    foundAfterRestart: found,
    lost: acknowledged.length - found,
    rowsInDatabase: stored,
    integrity,
  };
  console.log(JSON.stringify(report, null, 2));
  if (report.acknowledged === 0 || report.lost > 0 || integrity !== 'ok') process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
