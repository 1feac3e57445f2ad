import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';

// The API side of the shape test runs in this process: the same profile, and a database of its own.
await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'bitext-cli-'));
});

import { POST as createDigest } from '@/app/api/v1/digests/route';
import { GET as readDigest } from '@/app/api/v1/digests/[id]/route';
import { POST as detect } from '@/app/api/v1/detect/route';
import { POST as summarize } from '@/app/api/v1/summarize/route';
import { POST as translate } from '@/app/api/v1/translate/route';
import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import type { JobView } from '@/lib/pipeline/protocol';
import { scriptShare } from '../support/fixture-models';

const root = path.resolve(import.meta.dirname, '../..');
const seedFile = path.join(root, 'tests/fixtures/articles/en-sana-lavrov.txt');

/** Runs the CLI exactly as `npm run -s cli --` does, and never throws on a non-zero exit. */
async function cli(args: string[], env: Record<string, string>) {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  return promisify(execFile)(tsx, ['--conditions=react-server', 'scripts/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** An endpoint's JSON answer to `body`. */
async function answer(handler: (request: Request) => Promise<Response>, body: unknown): Promise<unknown> {
  const response = await handler(
    new Request('http://127.0.0.1/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  expect(response.status).toBeLessThan(300);
  return response.json();
}

/** The `result` of a digest job, polled as a client would. */
async function digestResult(body: unknown): Promise<unknown> {
  const { id } = (await answer(createDigest, body)) as JobView;
  for (;;) {
    const response = await readDigest(new Request(`http://127.0.0.1/api/v1/digests/${id}`), {
      params: Promise.resolve({ id }),
    });
    const job = (await response.json()) as JobView;
    if (job.status === 'done') return job.result;
    if (job.status !== 'queued' && job.status !== 'running') throw new Error(`Digest ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('cli', () => {
  it('--json prints what the matching endpoint answers, field for field', async () => {
    const env = { BITEXT_MODEL_PROFILE: 'fixtures' };
    const text = await readFile(seedFile, 'utf8');
    const json = async (args: string[]) => {
      const { code, stdout, stderr } = await cli([...args, '--json'], env);
      expect(code, stderr).toBe(0);
      return JSON.parse(stdout) as unknown;
    };

    expect(await json(['detect', seedFile])).toEqual(await answer(detect, { text }));
    expect(await json(['summarize', seedFile, '--length', 'short'])).toEqual(
      await answer(summarize, { text, length: 'short' }),
    );
    // One answer per target, each as POST /translate gives it.
    expect(await json(['translate', seedFile, '--to', 'ru,hi'])).toEqual([
      await answer(translate, { text, target: 'ru' }),
      await answer(translate, { text, target: 'hi' }),
    ]);
    // The digest as GET /digests/{id} gives it once done (its `result`).
    expect(await json(['digest', seedFile, '--to', 'ru', '--length', 'short'])).toEqual(
      await digestResult({
        text,
        targets: ['ru'],
        summary: { mode: 'extractive', type: 'key-points', length: 'short' },
        translate: 'both',
      }),
    );
  });

  it('digest --json with fixture models: summary and three translations, every sentence kept', async () => {
    const { code, stdout, stderr } = await cli(['digest', seedFile, '--to', 'ru,zh-Hans,hi', '--json'], {
      BITEXT_MODEL_PROFILE: 'fixtures',
    });
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.language).toBe('en');
    expect(result.summary.sentences.length).toBeGreaterThan(0);
    const sentenceCounts = new Set<number>();
    for (const [code, script] of [
      ['ru', 'Cyrillic'],
      ['zh-Hans', 'Han'],
      ['hi', 'Devanagari'],
    ]) {
      const t = result.translations[code!];
      expect(scriptShare(t.summary.text, script!)).toBeGreaterThan(0.9);
      sentenceCounts.add(t.segments.length);
    }
    const body = cleanArticle(await readFile(seedFile, 'utf8')).body;
    expect([...sentenceCounts]).toEqual([sentencesOf(body, 'en').length]);
    // Progress goes to stderr, so stdout stays parseable.
    expect(stderr).toMatch(/translate → hi: \d+\/\d+/);
  });

  it('without models or network: model_unavailable with the remedy, while detection and extractive summary work', async () => {
    const env = {
      BITEXT_MODEL_PROFILE: 'default',
      BITEXT_ALLOW_REMOTE_MODELS: '0',
      BITEXT_MODELS_DIR: await mkdtemp(path.join(os.tmpdir(), 'bitext-no-models-')),
    };
    const digest = await cli(['digest', seedFile, '--to', 'ru', '--json'], env);
    expect(digest.code).toBe(1);
    expect(digest.stderr).toContain('ru: model_unavailable');
    expect(digest.stderr).toContain('Xenova/opus-mt-en-ru');
    expect(digest.stderr).toContain('npm run models:pull -- ru');
    const result = JSON.parse(digest.stdout);
    expect(result.summary.mode).toBe('extractive');
    expect(result.summary.sentences).toHaveLength(2);

    const detect = await cli(['detect', seedFile], env);
    expect(detect).toMatchObject({ code: 0 });
    expect(detect.stdout).toMatch(/^en \(\d+%\)/);

    const abstractive = await cli(['summarize', seedFile, '--mode', 'abstractive'], env);
    expect(abstractive.code).toBe(1);
    expect(abstractive.stderr).toMatch(/model_unavailable: Model Xenova\/distilbart-cnn-6-6 \(~\d+ MB\)/);
  });

  it('--romanize prints each translated sentence in Latin letters under it, and adds `latin` to --json', async () => {
    const env = { BITEXT_MODEL_PROFILE: 'fixtures' };
    const human = await cli(['translate', seedFile, '--to', 'ru', '--romanize'], env);
    expect(human.code).toBe(0);
    // The fixture translator writes "Lavrov" as "Лавров"; its Wikipedia romanisation reads "Lavrov" again.
    expect(human.stdout).toMatch(/Лавров[^\n]*\n[^\n]*Lavrov/);
    const json = await cli(['digest', seedFile, '--to', 'hi', '--romanize', '--json'], env);
    const segments = JSON.parse(json.stdout).translations.hi.segments as { latin: string }[];
    expect(segments.every((s) => /^[\p{Script=Latin}\p{P}\p{N}\s]+$/u.test(s.latin))).toBe(true);
  });

  it('explains bad arguments', async () => {
    const { code, stderr } = await cli(['digest'], {});
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run -s cli --');
  });
});
