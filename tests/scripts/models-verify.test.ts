import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translationRoute, type ModelSpec } from '@/lib/models/registry';
import { defaultFixturesRoot } from '@/scripts/fixtures/generate-fixtures';
import { formatTable, verifyModels, verifyTargets, type VerifyTarget } from '@/scripts/models/verify';

/**
 * A stand-in hub on 127.0.0.1 serving the fixture models as the Hugging Face hub does: `resolve/main/…`
 * answers with a redirect to where the bytes are, HEAD gives the size. Three more models are made from
 * translit-ru: one missing its q8 decoder, one whose tokenizer turns every letter into "ла" (a model that
 * keeps talking), and one served as the registry would never describe it (see WRONG_SIZE). `down` lists
 * model ids the hub does not have at all.
 */
const VIRTUAL: Record<string, string> = {
  'bitext-fixtures/missing-file': 'bitext-fixtures/translit-ru',
  'bitext-fixtures/chatty': 'bitext-fixtures/translit-ru',
  'bitext-fixtures/wrong-size': 'bitext-fixtures/translit-hi',
};
const MISSING = 'onnx/decoder_model_merged_quantized.onnx';
const down = new Set<string>();
let server: Server;
let hubUrl: string;

async function fileBody(model: string, file: string): Promise<Buffer | undefined> {
  if (down.has(model) || (model === 'bitext-fixtures/missing-file' && file === MISSING)) return undefined;
  const folder = path.join(defaultFixturesRoot(), VIRTUAL[model] ?? model);
  const body = await readFile(path.join(folder, file)).catch(() => undefined);
  if (!body || model !== 'bitext-fixtures/chatty' || file !== 'tokenizer.json') return body;
  const tokenizer = JSON.parse(body.toString()) as { model: { vocab: [string, number][] } };
  for (const entry of tokenizer.model.vocab) if (/\p{Script=Cyrillic}/u.test(entry[0])) entry[0] = '▁ла';
  return Buffer.from(JSON.stringify(tokenizer));
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = req.url ?? '';
    const resolve = /^\/(.+?)\/resolve\/main\/(.+)$/.exec(url);
    if (resolve) {
      res.writeHead(302, { location: `/cdn/${resolve[1]}/${resolve[2]}` }).end();
      return;
    }
    const cdn = /^\/cdn\/(bitext-fixtures\/[^/]+)\/(.+)$/.exec(url);
    const body = cdn ? await fileBody(cdn[1]!, cdn[2]!) : undefined;
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What a registry entry would say about one of the made-up models, serving en → ru. */
function madeUp(id: string, changes: Partial<ModelSpec> = {}): VerifyTarget {
  const leg = translationRoute('fixtures', 'en', 'ru')![0]!;
  const model = { ...leg.model, id, ...changes };
  return { model, leg: { ...leg, model } };
}

/** The registry would state opus-mt's size for a fixture of 14 kB. */
const WRONG_SIZE = { q8: 118, fp32: 118 };

describe('models:verify against a local hub', () => {
  it('passes the fixture models and names what is wrong with the broken ones', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'bitext-verify-'));
    const targets = [
      ...verifyTargets('fixtures', ['ru', 'hi']),
      madeUp('bitext-fixtures/wrong-size', { sizeMB: WRONG_SIZE }),
      madeUp('bitext-fixtures/missing-file'),
      madeUp('bitext-fixtures/chatty'),
    ];
    const rows = await verifyModels(targets, { profile: 'fixtures', hubUrl, cacheDir, devices: ['webgpu'] });
    const row = (id: string) => rows.find((r) => r.model === `bitext-fixtures/${id}`)!;

    for (const id of ['translit-ru', 'translit-hi']) {
      // q8 and fp32 ONNX files, config, generation config, tokenizer and its config.
      expect(row(id)).toMatchObject({ ok: true, files: { ok: 8, total: 8 }, problems: [] });
      expect(row(id).loadMs).toBeGreaterThanOrEqual(0);
      expect(row(id).tokensPerSecond).toBeGreaterThan(0);
      // Three canaries (the seed paragraph and two short sentences), three checks each.
      expect(row(id).checks).toHaveLength(9);
    }
    // The summariser is judged on its own canaries: shorter than its input, among others.
    expect(row('upper').checks.filter((c) => c.name === 'shorter')).toHaveLength(3);

    expect(row('wrong-size').ok).toBe(false);
    expect(row('wrong-size').problems).toEqual([
      expect.stringMatching(/^q8: 0\.0 MB on the hub, the registry says 118 MB$/),
      expect.stringMatching(/^fp32: 0\.0 MB on the hub, the registry says 118 MB$/),
    ]);

    expect(row('missing-file')).toMatchObject({
      ok: false,
      files: { ok: 7, total: 8 },
      problems: [`${MISSING}: not on the hub`],
      checks: [],
    });
    expect(row('missing-file').loadMs).toBeUndefined();

    const chatty = row('chatty');
    expect(chatty.ok).toBe(false);
    expect(chatty.files).toEqual({ ok: 8, total: 8 });
    expect(chatty.checks.filter((c) => !c.ok).map((c) => c.name)).toContain('repetition');

    const table = formatTable(rows).split('\n');
    expect(table[0]).toMatch(/^model\s+files ok\s+load ms\s+tokens\/s\s+checks$/);
    expect(table).toContainEqual(
      expect.stringMatching(/^bitext-fixtures\/translit-ru\s+8\/8\s+\d+\s+\d+\s+ok$/),
    );
    expect(table).toContainEqual(
      expect.stringMatching(/^bitext-fixtures\/missing-file\s+7\/8 ✗\s+–\s+–\s+FAIL/),
    );
    expect(table).toContainEqual(
      expect.stringMatching(/^bitext-fixtures\/chatty: canary 1: repetition \("ла" looped\)$/),
    );
  }, 120_000);

  it('`npm run models:verify -- ru` prints the table and exits non-zero when a model fails', async () => {
    down.add('bitext-fixtures/translit-ru');
    try {
      const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/models-verify.ts', 'ru'], {
          env: {
            ...process.env,
            BITEXT_MODEL_PROFILE: 'fixtures',
            BITEXT_HUB_URL: hubUrl,
            BITEXT_DATA_DIR: os.tmpdir(),
          },
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('close', (exit) => resolve({ code: exit, stdout: out }));
      });
      expect(code).toBe(1);
      expect(stdout).toMatch(/^model\s+files ok/m);
      expect(stdout).toMatch(/^bitext-fixtures\/translit-ru\s+0\/6 ✗/m);
    } finally {
      down.delete('bitext-fixtures/translit-ru');
    }
  }, 120_000);
});
