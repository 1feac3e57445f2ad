import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  AutoModelForSeq2SeqLM,
  AutoTokenizer,
  env,
  pipeline,
  Tensor,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  ensureSyntheticModel,
  OPUS_MT_DIMS,
  syntheticModelId,
  writeSyntheticModel,
  type SyntheticModelSpec,
} from '@/scripts/fixtures/synthetic-marian';
import { SPECIAL, syntheticVocabulary } from '@/scripts/fixtures/synthetic-tokenizer';

/** The real model's graph builder at toy size: same ops, same cache layout, loads in milliseconds. */
const SMALL: SyntheticModelSpec = {
  name: 'small',
  dims: { layers: 2, dModel: 64, heads: 4, ffn: 128, vocab: 1000, maxPositions: 256 },
  dtypes: ['fp32', 'q8'],
  seed: 3,
};
const ID = syntheticModelId(SMALL);
const EOS = 0n;
const PAD = BigInt(SMALL.dims.vocab - 1);

const SENTENCES = [
  'Lavrov: Russia isn’t conducting any secret negotiations about Syria',
  'Moscow, SANA.',
  'He stressed that the Syrian Arab Army isn’t violating the cessation of hostilities agreement.',
];

/**
 * transformers.js types generate()'s options without the generation keyword arguments it accepts, and
 * leaves out that a model is callable (forward).
 */
type Seq2Seq = Omit<PreTrainedModel, 'generate'> & {
  generate(options: Record<string, unknown>): Promise<Tensor>;
} & ((inputs: Record<string, unknown>) => Promise<Record<string, Tensor>>);
type Encode = (
  texts: string[],
  options: { padding: boolean },
) => { input_ids: Tensor; attention_mask: Tensor };

let root: string;
let tokenizer: PreTrainedTokenizer;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'bitext-synthetic-'));
  await writeSyntheticModel(root, SMALL);
  env.localModelPath = root;
  env.allowRemoteModels = false;
  tokenizer = await AutoTokenizer.from_pretrained(ID);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function loadModel(dtype: 'fp32' | 'q8'): Promise<Seq2Seq> {
  return (await AutoModelForSeq2SeqLM.from_pretrained(ID, { dtype })) as unknown as Seq2Seq;
}

function encode(texts: string[]) {
  return (tokenizer as unknown as Encode)(texts, { padding: true });
}

function ids(values: readonly bigint[][]): Tensor {
  return new Tensor('int64', BigInt64Array.from(values.flat()), [values.length, values[0]!.length]);
}

/** Logits of row `row` at decoder position `position`, from [batch, positions, vocab]. */
function logitsAt(logits: Tensor, row: number, position: number): Float32Array {
  const [, positions, vocab] = logits.dims as [number, number, number];
  const start = (row * positions + position) * vocab;
  return (logits.data as Float32Array).slice(start, start + vocab);
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  return a.reduce((max, value, i) => Math.max(max, Math.abs(value - b[i]!)), 0);
}

/** Greedy outputs, generated tokens only, each up to and including its eos. */
async function generate(model: Seq2Seq, texts: string[]): Promise<bigint[][]> {
  const inputs = encode(texts);
  const sequences = await model.generate({ ...inputs, max_new_tokens: 200, num_beams: 1 });
  return (sequences.tolist() as bigint[][]).map((row) => row.slice(1, row.indexOf(EOS, 1) + 1));
}

/** Every file under `dir`: relative path → SHA-256 (deep-comparing megabytes of weights would be slow). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    files.map(async (f) => {
      const file = path.join(f.parentPath, f.name);
      return [
        path.relative(dir, file),
        createHash('sha256')
          .update(await readFile(file))
          .digest('hex'),
      ] as const;
    }),
  );
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('writeSyntheticModel', () => {
  it('writes the transformers.js layout with fp32 and q8 graphs, byte for byte the same for the same spec', async () => {
    const first = await snapshot(path.join(root, ID));
    expect([...first.keys()]).toEqual([
      'config.json',
      'generation_config.json',
      'onnx/decoder_model_merged.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
      'onnx/encoder_model.onnx',
      'onnx/encoder_model_quantized.onnx',
      'synthetic.json',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    const other = await mkdtemp(path.join(tmpdir(), 'bitext-synthetic-'));
    try {
      await writeSyntheticModel(other, SMALL);
      expect(await snapshot(path.join(other, ID))).toEqual(first);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('regenerates only when the spec changes', async () => {
    expect(await ensureSyntheticModel(root, SMALL)).toEqual({ id: ID, written: false });
    const other = await mkdtemp(path.join(tmpdir(), 'bitext-synthetic-'));
    try {
      const reseeded = { ...SMALL, seed: SMALL.seed + 1, dtypes: ['q8'] as const };
      expect(await ensureSyntheticModel(other, reseeded)).toEqual({ id: ID, written: true });
      expect(await ensureSyntheticModel(other, reseeded)).toEqual({ id: ID, written: false });
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('syntheticVocabulary', () => {
  it('has opus-mt’s special ids and exactly the size asked for, up to opus-mt size', () => {
    for (const size of [SMALL.dims.vocab, OPUS_MT_DIMS.vocab]) {
      const { pieces } = syntheticVocabulary(size);
      expect(pieces).toHaveLength(size);
      expect(new Set(pieces).size).toBe(size);
      expect([pieces[0], pieces[1], pieces.at(-1)]).toEqual([SPECIAL.eos, SPECIAL.unk, SPECIAL.pad]);
    }
  });
});

describe('synthetic Marian model', () => {
  it('translates through the transformers.js pipeline, in one batch or one by one alike', async () => {
    const translator = (await pipeline('translation', ID, { dtype: 'fp32' })) as unknown as (
      texts: string[],
      options: object,
    ) => Promise<{ translation_text: string }[]>;
    const batched = await translator(SENTENCES, { max_new_tokens: 200, num_beams: 1 });
    const alone = await Promise.all(
      SENTENCES.map(async (s) => (await translator([s], { max_new_tokens: 200, num_beams: 1 }))[0]),
    );
    expect(batched).toEqual(alone);
    for (const { translation_text } of batched) expect(translation_text.length).toBeGreaterThan(0);
  });

  it.each(['fp32', 'q8'] as const)(
    '%s: stops each output at its input’s length, eos included',
    async (dtype) => {
      const model = await loadModel(dtype);
      const outputs = await generate(model, SENTENCES);
      const inputLengths = SENTENCES.map((s) => tokenizer.encode(s).length);
      expect(outputs.map((o) => o.length)).toEqual(inputLengths);
      for (const output of outputs) {
        expect(output.at(-1)).toBe(EOS);
        expect(output.slice(0, -1)).not.toContain(EOS);
      }
      expect(await generate(model, SENTENCES)).toEqual(outputs);
    },
  );

  it('gives the same logits step by step through the KV cache as recomputing the whole prefix', async () => {
    const model = await loadModel('fp32');
    const inputs = encode([SENTENCES[0]!]);
    const prefix = [PAD, 7n, 300n, 42n, 911n, 5n];
    const full = await model({ ...inputs, decoder_input_ids: ids([prefix]) });

    let past: Record<string, Tensor> | null = null;
    for (const [position, token] of prefix.entries()) {
      const step = await model({ ...inputs, decoder_input_ids: ids([[token]]), past_key_values: past });
      expect(maxDifference(logitsAt(step.logits!, 0, 0), logitsAt(full.logits!, 0, position))).toBeLessThan(
        1e-3,
      );
      past = model.getPastKeyValues(step, past) as Record<string, Tensor>;
    }
  });

  it('masks padding: a sentence gets the same logits in a padded batch as alone', async () => {
    const model = await loadModel('fp32');
    const [short, long] = [SENTENCES[1]!, SENTENCES[2]!];
    const prefix = [PAD, 7n, 300n];
    const batch = await model({ ...encode([long, short]), decoder_input_ids: ids([prefix, prefix]) });
    const alone = await model({ ...encode([short]), decoder_input_ids: ids([prefix]) });
    for (const position of prefix.keys()) {
      expect(
        maxDifference(logitsAt(batch.logits!, 1, position), logitsAt(alone.logits!, 0, position)),
      ).toBeLessThan(1e-3);
    }
  });
});
