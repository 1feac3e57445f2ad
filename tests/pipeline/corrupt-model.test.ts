import { cp, mkdtemp, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { translationRoute } from '@/lib/models/registry';
import { translateSentences } from '@/lib/pipeline/translate';
import { defaultFixturesRoot } from '@/scripts/fixtures/generate-fixtures';

const route = translationRoute('fixtures', 'en', 'ru')!;
const model = route[0]!.model.id;
const decoder = 'onnx/decoder_model_merged_quantized.onnx';

/** Runs one translation, returning the error code or the output. */
async function attempt(): Promise<string> {
  return translateSentences(['Moscow.'], route, { device: 'cpu' }).then(
    ([out]) => out?.text ?? '',
    (error: { code?: string }) => `error:${error.code}`,
  );
}

describe('a corrupt model file', () => {
  it('is model_unavailable, and once repaired the next request loads it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bitext-corrupt-'));
    await cp(path.join(defaultFixturesRoot(), model), path.join(dir, model), { recursive: true });
    const file = path.join(dir, model, decoder);
    const original = await readFile(file);
    await truncate(file, Math.floor((await stat(file)).size / 2));
    env.localModelPath = dir;
    env.allowRemoteModels = false;

    expect(await attempt()).toBe('error:model_unavailable');
    await writeFile(file, original);
    expect(await attempt()).toBe('Мосцов.');
  });
});
