import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { env, pipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateFixtures } from '@/scripts/fixtures/generate-fixtures';
import { transliterate } from '@/scripts/fixtures/translit';

const article = await readFile(new URL('../fixtures/articles/en-sana-lavrov.txt', import.meta.url), 'utf8');
const lines = article.split('\n').filter(Boolean);
const line = (start: string) => lines.find((l) => l.startsWith(start))!;
const HEADLINE = line('Lavrov:');
const BYLINE = line('Hazem');
const TEASER = line('Festivity');
const LONG_PARAGRAPH = line('In a joint press conference');

// Every output token answers one input token, so this is enough for any line above.
const MAX_NEW_TOKENS = 256;

/**
 * transformers.js types pipeline options as a complete GenerationConfig; at run time they are keyword
 * arguments merged over the model's generation_config.
 */
type TextToText<Key extends string> = (
  texts: string[],
  options: { max_new_tokens: number },
) => Promise<Record<Key, string>[]>;

let root: string;
let ids: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bitext-fixtures-'));
  ids = await generateFixtures(root);
  env.localModelPath = root;
  env.allowRemoteModels = false;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function translate(model: string, texts: string[], dtype: 'fp32' | 'q8' = 'fp32'): Promise<string[]> {
  const translator = (await pipeline('translation', `bitext-fixtures/${model}`, {
    dtype,
  })) as unknown as TextToText<'translation_text'>;
  const output = await translator(texts, { max_new_tokens: MAX_NEW_TOKENS });
  return output.map((o) => o.translation_text);
}

/** Every file under `dir`, relative path → bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    files.map(async (f) => {
      const file = path.join(f.parentPath, f.name);
      return [path.relative(dir, file), await readFile(file)] as const;
    }),
  );
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('generateFixtures', () => {
  it('writes every model in the transformers.js folder layout, with q8 copies of the graphs', async () => {
    expect(ids).toEqual([
      'bitext-fixtures/translit-ru',
      'bitext-fixtures/translit-hi',
      'bitext-fixtures/translit-zh',
      'bitext-fixtures/adversary',
      'bitext-fixtures/upper',
      'bitext-fixtures/chatty-ru',
      'bitext-fixtures/double-ru',
      'bitext-fixtures/mute-ru',
      'bitext-fixtures/terse-ru',
      'bitext-fixtures/stuck-ru',
    ]);
    const files = [...(await snapshot(path.join(root, 'bitext-fixtures/upper'))).keys()];
    expect(files).toEqual([
      'config.json',
      'generation_config.json',
      'onnx/decoder_model_merged.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
      'onnx/encoder_model.onnx',
      'onnx/encoder_model_quantized.onnx',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
  });

  it('writes the same bytes every time', async () => {
    const before = await snapshot(root);
    await generateFixtures(root);
    const other = await mkdtemp(path.join(tmpdir(), 'bitext-fixtures-'));
    try {
      await generateFixtures(other);
      expect(await snapshot(root)).toEqual(before);
      expect(await snapshot(other)).toEqual(before);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('translit fixtures', () => {
  it('translit-ru rewrites an English headline in Cyrillic, letter for letter', async () => {
    const [russian] = await translate('translit-ru', [HEADLINE]);
    expect(russian).toBe('Лавров: Руссиа исн’т’ цондуцтинг аны сецрет неготиатионс абоут Сыриа');
    expect(russian).toMatch(/\p{Script=Cyrillic}/u);
    expect(russian).not.toMatch(/\p{Script=Latin}/u);
  });

  it('translates a batch of very different lengths in one call without losing or cutting any', async () => {
    const batch = [BYLINE, TEASER, HEADLINE];
    expect(new Set(batch.map((s) => s.length)).size).toBe(3);
    expect(await translate('translit-ru', batch)).toEqual(batch.map((s) => transliterate('ru', s)));
  });

  it('translit-zh writes Han with Chinese punctuation', async () => {
    const [chinese] = await translate('translit-zh', ['Moscow, SANA.']);
    expect(chinese).toBe('摸思次我，思呢。');
    expect(chinese).toMatch(/\p{Script=Han}/u);
    expect(chinese).not.toMatch(/\p{Script=Latin}/u);
  });

  it('translit-hi writes Devanagari ending in a danda', async () => {
    const [hindi] = await translate('translit-hi', ['Moscow, SANA.']);
    expect(hindi).toBe('मओसचओव, सअनअ।');
    expect(hindi).toMatch(/\p{Script=Devanagari}/u);
    expect(hindi).not.toMatch(/\p{Script=Latin}/u);
  });

  it('the adversary echoes letters and markup but drops digits, as a model that breaks markers would', async () => {
    const [out] = await translate('adversary', ['Say <1>hi</1> <script>x()</script> in 2026.']);
    expect(out).toBe('Say <>hi</> <script>x()</script> in .');
  });

  it('loads the q8 graphs the browser asks for by default', async () => {
    expect(await translate('translit-zh', [TEASER], 'q8')).toEqual([transliterate('zh', TEASER)]);
  });

  it('gives the same translation every time', async () => {
    const first = await translate('translit-hi', [TEASER, BYLINE]);
    expect(await translate('translit-hi', [TEASER, BYLINE])).toEqual(first);
  });

  it('cuts input past 128 tokens like a real model would, so unchunked text shows up in tests', async () => {
    const [russian] = await translate('translit-ru', [LONG_PARAGRAPH]);
    const full = transliterate('ru', LONG_PARAGRAPH);
    expect(russian!.length).toBeLessThan(full.length);
    expect(full.startsWith(russian!)).toBe(true);
  });
});

describe('upper fixture', () => {
  const summarize = async (texts: string[], options: { max_new_tokens: number }) => {
    const summarizer = (await pipeline('summarization', 'bitext-fixtures/upper', {
      dtype: 'fp32',
    })) as unknown as TextToText<'summary_text'>;
    return (await summarizer(texts, options)).map((o) => o.summary_text);
  };

  it('summarises by upper-casing the lead, up to the first full stop, and leaving every other character alone', async () => {
    expect(await summarize([HEADLINE], { max_new_tokens: 256 })).toEqual([
      'LAVROV: RUSSIA ISN’T’ CONDUCTING ANY SECRET NEGOTIATIONS ABOUT SYRIA',
    ]);
    const text = 'Lavrov spoke to reporters in Moscow on Monday about the talks in Geneva. They go on.';
    expect(await summarize([text], { max_new_tokens: 256 })).toEqual([
      'LAVROV SPOKE TO REPORTERS IN MOSCOW ON MONDAY ABOUT THE TALKS IN GENEVA.',
    ]);
  });

  it('is held to distilbart’s min_length of 56: made to go on, it loops, and is cut where its budget ends', async () => {
    expect(await summarize(['Lavrov spoke. The talks go on.'], { max_new_tokens: 256 })).toEqual([
      'LAVROV SPOKE.LAVROV SPOKE.LAVROV SPOKE.LAVROV SPOKE.LAVROV SPOKE.',
    ]);
    expect(await summarize(['Lavrov spoke. The talks go on.'], { max_new_tokens: 20 })).toEqual([
      'LAVROV SPOKE.LAVRO',
    ]);
  });
});

describe('adversarial fixtures', () => {
  it('chatty-ru keeps talking in a batch once its row has finished', async () => {
    const [short] = await translate('chatty-ru', ['Hi.', BYLINE]);
    expect(short).toMatch(/^Хи\.ж+$/u);
  });

  it('double-ru writes every character twice', async () => {
    // Its first space is the output's own leading one, which the pipeline keeps.
    expect(await translate('double-ru', ['Hi, SANA.'])).toEqual([' ХХии,,  ССААННАА..']);
  });
});
