/**
 * Bench 1: server translation throughput (onnxruntime-node) on the synthetic opus-mt-size model, over every
 * sentence of the seed article: sentence by sentence (one generate() call per sentence) against the
 * project's batched path (translateSentences: sorted by length, `DEFAULT_BATCH_SIZE` per call), in output
 * tokens per second. The two alternate within each round, so load from other processes hits both alike,
 * and the ratio is taken per round.
 */
import { readFile } from 'node:fs/promises';
import type { Tensor } from '@huggingface/transformers';
import type { Dtype, TranslationRoute } from '@/lib/models/registry';
import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import { loadModel, type TextToTextPipeline } from '@/lib/pipeline/load';
import { DEFAULT_BATCH_SIZE, translateSentences } from '@/lib/pipeline/translate';
import type { BenchRow, BenchSection } from './report';
import { syntheticSpec, type SyntheticModels } from './synthetic';

const ARTICLE = new URL('../../tests/fixtures/articles/en-sana-lavrov.txt', import.meta.url);

export interface TranslateBenchOptions {
  dtypes: readonly Dtype[];
  /** Rounds of (sequential, batched) per dtype. */
  rounds: number;
  /** Extra runs: these batch sizes × these thread counts, one round each (`--sweep`). */
  sweep?: { batchSizes: readonly number[]; threads: readonly (number | undefined)[] };
}

interface Config {
  dtype: Dtype;
  batchSize: number;
  threads?: number;
}

interface Run extends Config {
  seconds: number;
  /** Tokens generated up to and including each eos: the output a reader gets. */
  tokens: number;
  /** Decoder steps × rows, the rows that already ended included: the work done. */
  rowSteps: number;
  calls: number;
  tokensPerSecond: number;
  outputs: string[];
}

interface Counter {
  tokens: number;
  rowSteps: number;
  calls: number;
}

type Generate = (options: unknown) => Promise<Tensor>;
const counters = new WeakMap<TextToTextPipeline, Counter>();

/**
 * Counts what the pipeline's generate() returns by wrapping its own model.generate, which still does all
 * the work: translateSentences exposes only text, and re-tokenising text is not what the model generated.
 */
function counterFor(translator: TextToTextPipeline): Counter {
  const known = counters.get(translator);
  if (known) return known;
  const counter: Counter = { tokens: 0, rowSteps: 0, calls: 0 };
  const model = translator.model as unknown as { generate: Generate; config: { eos_token_id: number } };
  const eos = BigInt(model.config.eos_token_id);
  const generate = model.generate.bind(model);
  model.generate = async (options) => {
    const sequences = await generate(options);
    counter.calls++;
    for (const row of sequences.tolist() as bigint[][]) {
      // row[0] is the decoder start token; the output runs to the first eos.
      const end = row.indexOf(eos, 1);
      counter.tokens += end === -1 ? row.length - 1 : end;
      counter.rowSteps += row.length - 1;
    }
    return sequences;
  };
  counters.set(translator, counter);
  return counter;
}

async function articleSentences(): Promise<string[]> {
  const { body } = cleanArticle(await readFile(ARTICLE, 'utf8'));
  return sentencesOf(body, 'en').map((s) => s.text);
}

function routeFor(models: SyntheticModels, dtype: Dtype): TranslationRoute {
  return [{ model: syntheticSpec(models.translatorId, 'translation', dtype), source: 'en', target: 'ru' }];
}

async function translatorFor(models: SyntheticModels, { dtype, threads }: Config): Promise<TextToTextPipeline> {
  return loadModel(syntheticSpec(models.translatorId, 'translation', dtype), { device: 'cpu', threads });
}

async function run(models: SyntheticModels, sentences: string[], config: Config): Promise<Run> {
  const counter = counterFor(await translatorFor(models, config));
  const before = { ...counter };
  const started = performance.now();
  const outputs = await translateSentences(sentences, routeFor(models, config.dtype), { device: 'cpu', ...config });
  const seconds = (performance.now() - started) / 1000;
  const tokens = counter.tokens - before.tokens;
  return {
    ...config,
    seconds,
    tokens,
    rowSteps: counter.rowSteps - before.rowSteps,
    calls: counter.calls - before.calls,
    tokensPerSecond: tokens / seconds,
    outputs,
  };
}

/** Loads the session and runs it once, so first-call allocations stay out of the timings. */
async function warmUp(models: SyntheticModels, sentences: string[], config: Config): Promise<void> {
  await translatorFor(models, config);
  await translateSentences(sentences.slice(0, 2), routeFor(models, config.dtype), { device: 'cpu', ...config });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const summary = ({ outputs: _outputs, ...rest }: Run) => ({
  ...rest,
  seconds: Number(rest.seconds.toFixed(3)),
  tokensPerSecond: Number(rest.tokensPerSecond.toFixed(1)),
});

/** Sequential and batched, `rounds` times, alternating which goes first. */
async function compare(models: SyntheticModels, sentences: string[], batched: Config, rounds: number) {
  const sequential: Config = { ...batched, batchSize: 1 };
  await warmUp(models, sentences, batched);
  const pairs: { sequential: Run; batched: Run }[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [sequential, batched] : [batched, sequential];
    const [first, second] = [await run(models, sentences, order[0]!), await run(models, sentences, order[1]!)];
    pairs.push(round % 2 === 0 ? { sequential: first, batched: second } : { sequential: second, batched: first });
  }
  const ratios = pairs.map((p) => p.batched.tokensPerSecond / p.sequential.tokensPerSecond);
  const same = pairs.flatMap((p) => p.batched.outputs.map((text, i) => text === p.sequential.outputs[i]));
  return {
    config: batched,
    ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rounds: ratios },
    sequentialTokensPerSecond: median(pairs.map((p) => p.sequential.tokensPerSecond)),
    batchedTokensPerSecond: median(pairs.map((p) => p.batched.tokensPerSecond)),
    // Batching must not change a translation: padding is masked, so any difference is float rounding.
    identicalOutputs: same.filter(Boolean).length / same.length,
    runs: pairs.map((p) => ({ sequential: summary(p.sequential), batched: summary(p.batched) })),
  };
}

function label({ dtype, batchSize, threads }: Config): string {
  return `${dtype}, batch ${batchSize}, ${threads ? `${threads} thread${threads > 1 ? 's' : ''}` : 'default threads'}`;
}

export async function benchTranslate(models: SyntheticModels, options: TranslateBenchOptions): Promise<BenchSection> {
  const sentences = await articleSentences();
  const tokenizer = (await translatorFor(models, { dtype: 'q8', batchSize: 1 })).tokenizer;
  const sourceTokens = sentences.reduce((sum, s) => sum + tokenizer.encode(s).length, 0);
  const words = sentences.join(' ').split(/\s+/).length;

  const comparisons = [];
  for (const dtype of options.dtypes) {
    comparisons.push(await compare(models, sentences, { dtype, batchSize: DEFAULT_BATCH_SIZE }, options.rounds));
  }
  for (const threads of options.sweep?.threads ?? []) {
    for (const batchSize of options.sweep?.batchSizes ?? []) {
      comparisons.push(await compare(models, sentences, { dtype: 'q8', batchSize, threads }, 1));
    }
  }

  const rows: BenchRow[] = comparisons.flatMap((c) => [
    { metric: `sequential tokens/s (${label(c.config)})`, value: c.sequentialTokensPerSecond, unit: 'tok/s' },
    { metric: `batched tokens/s (${label(c.config)})`, value: c.batchedTokensPerSecond, unit: 'tok/s' },
    {
      metric: `batched ÷ sequential (${label(c.config)})`,
      value: c.ratio.median,
      unit: '×',
      note: `${c.ratio.rounds.length} rounds, ${c.ratio.min.toFixed(2)}–${c.ratio.max.toFixed(2)}; target ≥ 5`,
    },
  ]);
  rows.push({ metric: 'source tokens per word (seed article)', value: sourceTokens / words, unit: '' });
  return {
    name: 'translate',
    rows,
    details: { sentences: sentences.length, words, sourceTokens, defaultBatchSize: DEFAULT_BATCH_SIZE, comparisons },
  };
}
