/**
 * Bench 1: server translation throughput (onnxruntime-node) on the synthetic opus-mt-size model, over every
 * sentence of the seed article: sentence by sentence (one generate() call per sentence) against the
 * project's batched path (translateSentences: sorted by length, `batchSize` per call), in output tokens per
 * second. Within a round the runs follow each other closely and swap order every round, so load from other
 * processes hits both alike; the ratio is taken per round.
 *
 * The ratio splits into two factors the table also shows: decoder steps saved (sequential steps ÷ batched
 * steps, fixed by the sentence lengths: a batch takes as many steps as its longest sentence) and the cost
 * of a batched step relative to a one-row step (the hardware's side).
 */
import { readFile } from 'node:fs/promises';
import type { Tensor } from '@huggingface/transformers';
import type { Dtype, TranslationRoute } from '@/lib/models/registry';
import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import { loadModel, type TextToTextPipeline } from '@/lib/pipeline/load';
import { DEFAULT_BATCH_SIZE, translateSentences } from '@/lib/pipeline/translate';
import type { BenchRow, BenchSection } from './report';
import { median } from './stats';
import { syntheticSpec, type SyntheticModels } from './synthetic';

const ARTICLE = new URL('../../tests/fixtures/articles/en-sana-lavrov.txt', import.meta.url);

interface Config {
  dtype: Dtype;
  batchSize: number;
  /** onnxruntime intra-op threads; undefined: its default (one per core). */
  threads?: number;
}

/** One sequential baseline and the batched configurations measured against it. */
export interface Comparison {
  dtype: Dtype;
  threads?: number;
  batchSizes: readonly number[];
  rounds: number;
}

/** The headline: the registry's dtype (q8), default threads, the project's default batch size. */
export const HEADLINE: Comparison = { dtype: 'q8', batchSizes: [DEFAULT_BATCH_SIZE], rounds: 4 };

/** `--sweep`: the knobs, two rounds each (one in each order). */
export const SWEEP: readonly Comparison[] = [
  { dtype: 'q8', batchSizes: [2, 8, 16], rounds: 2 },
  { dtype: 'q8', threads: 1, batchSizes: [DEFAULT_BATCH_SIZE], rounds: 2 },
  { dtype: 'q8', threads: 2, batchSizes: [DEFAULT_BATCH_SIZE], rounds: 2 },
  { dtype: 'fp32', batchSizes: [DEFAULT_BATCH_SIZE], rounds: 2 },
];

interface Counts {
  /** Tokens generated up to and including each eos: the output a reader gets. */
  tokens: number;
  /** Decoder steps (one per generated position of a call, however many rows it has). */
  steps: number;
  calls: number;
}

interface Run extends Config, Counts {
  seconds: number;
  /**
   * This process's CPU time (user + system): what the work cost, less sensitive than wall time to other
   * processes taking turns on the same cores (but it counts onnxruntime's threads spinning while they wait).
   */
  cpuSeconds: number;
  outputs: string[];
  /**
   * Sentences the quality checks doubted, each decoded once more on its own (lib/pipeline/quality.ts). The
   * synthetic model's random weights write one piece over and over, so it loops on every sentence: both
   * configurations pay one decode alone per sentence on top.
   */
  doubtful: number;
}

type Generate = (options: unknown) => Promise<Tensor>;
const counters = new WeakMap<TextToTextPipeline, Counts>();

/**
 * Counts what the pipeline's generate() returns by wrapping its own model.generate, which still does all
 * the work: translateSentences exposes only text, and re-tokenising text is not what the model generated.
 */
function countsFor(translator: TextToTextPipeline): Counts {
  const known = counters.get(translator);
  if (known) return known;
  const counts: Counts = { tokens: 0, steps: 0, calls: 0 };
  const model = translator.model as unknown as { generate: Generate; config: { eos_token_id: number } };
  const eos = BigInt(model.config.eos_token_id);
  const generate = model.generate.bind(model);
  model.generate = async (options) => {
    const sequences = await generate(options);
    const rows = sequences.tolist() as bigint[][];
    counts.calls++;
    // Each row starts with the decoder start token and runs to its first eos; all rows are equally long.
    counts.steps += (rows[0]?.length ?? 1) - 1;
    for (const row of rows)
      counts.tokens += row.indexOf(eos, 1) === -1 ? row.length - 1 : row.indexOf(eos, 1);
    return sequences;
  };
  counters.set(translator, counts);
  return counts;
}

async function articleSentences(): Promise<string[]> {
  const { body } = cleanArticle(await readFile(ARTICLE, 'utf8'));
  return sentencesOf(body, 'en').map((s) => s.text);
}

function routeFor(models: SyntheticModels, dtype: Dtype): TranslationRoute {
  return [{ model: syntheticSpec(models.translatorId, 'translation', dtype), source: 'en', target: 'ru' }];
}

function translatorFor(models: SyntheticModels, { dtype, threads }: Config): Promise<TextToTextPipeline> {
  return loadModel(syntheticSpec(models.translatorId, 'translation', dtype), { device: 'cpu', threads });
}

async function run(models: SyntheticModels, sentences: string[], config: Config): Promise<Run> {
  const counts = countsFor(await translatorFor(models, config));
  const before = { ...counts };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const translations = await translateSentences(sentences, routeFor(models, config.dtype), {
    device: 'cpu',
    ...config,
  });
  const { user, system } = process.cpuUsage(cpu);
  return {
    ...config,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (user + system) / 1e6,
    tokens: counts.tokens - before.tokens,
    steps: counts.steps - before.steps,
    calls: counts.calls - before.calls,
    outputs: translations.map((t) => t.text),
    doubtful: translations.filter((t) => t.doubtful).length,
  };
}

const tokensPerSecond = (r: Run) => r.tokens / r.seconds;
const tokensPerCpuSecond = (r: Run) => r.tokens / r.cpuSeconds;

/** A run for the JSON file: everything but the translations themselves. */
function summary({ outputs, ...run }: Run) {
  return {
    ...run,
    seconds: Number(run.seconds.toFixed(3)),
    cpuSeconds: Number(run.cpuSeconds.toFixed(3)),
    translations: outputs.length,
  };
}

async function compare(models: SyntheticModels, sentences: string[], comparison: Comparison) {
  const { dtype, threads } = comparison;
  const sequential: Config = { dtype, threads, batchSize: 1 };
  const configs = [sequential, ...comparison.batchSizes.map((batchSize) => ({ dtype, threads, batchSize }))];
  // Load the session and run it once, so first-call allocations stay out of the timings.
  await run(models, sentences.slice(0, 2), sequential);

  const rounds: Run[][] = [];
  for (let round = 0; round < comparison.rounds; round++) {
    const order = round % 2 === 0 ? configs : [...configs].reverse();
    const runs: Run[] = [];
    for (const config of order) runs.push(await run(models, sentences, config));
    rounds.push(configs.map((config) => runs.find((r) => r.batchSize === config.batchSize)!));
  }

  return comparison.batchSizes.map((batchSize, b) => {
    const pairs = rounds.map((runs) => ({ sequential: runs[0]!, batched: runs[b + 1]! }));
    const ratios = pairs.map((p) => tokensPerSecond(p.batched) / tokensPerSecond(p.sequential));
    const { sequential: s, batched: t } = pairs[0]!;
    // The same translations either way: padding is masked, so batching changes no output.
    const same = pairs.flatMap((p) => p.batched.outputs.map((text, i) => text === p.sequential.outputs[i]));
    return {
      config: { dtype, threads, batchSize },
      ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rounds: ratios },
      sequentialTokensPerSecond: median(pairs.map((p) => tokensPerSecond(p.sequential))),
      batchedTokensPerSecond: median(pairs.map((p) => tokensPerSecond(p.batched))),
      cpuRatio: median(pairs.map((p) => tokensPerCpuSecond(p.batched) / tokensPerCpuSecond(p.sequential))),
      stepsSaved: s.steps / t.steps,
      batchedStepCost: median(
        pairs.map((p) => p.batched.seconds / p.batched.steps / (p.sequential.seconds / p.sequential.steps)),
      ),
      identicalOutputs: same.filter(Boolean).length / same.length,
      doubtful: t.doubtful,
      runs: pairs.map((p) => ({ sequential: summary(p.sequential), batched: summary(p.batched) })),
    };
  });
}

function label({ dtype, batchSize, threads }: Config): string {
  return `${dtype}, batch ${batchSize}, ${threads ? `${threads} thread${threads > 1 ? 's' : ''}` : 'default threads'}`;
}

export async function benchTranslate(
  models: SyntheticModels,
  comparisons: readonly Comparison[],
): Promise<BenchSection> {
  const sentences = await articleSentences();
  const { tokenizer } = await translatorFor(models, { dtype: 'q8', batchSize: 1 });
  const sourceTokens = sentences.map((s) => tokenizer.encode(s).length);
  const words = sentences.join(' ').split(/\s+/).length;

  const results = [];
  for (const comparison of comparisons) results.push(...(await compare(models, sentences, comparison)));

  const rows: BenchRow[] = results.flatMap((r) => [
    { metric: `sequential (${label(r.config)})`, value: r.sequentialTokensPerSecond, unit: 'tok/s' },
    { metric: `batched (${label(r.config)})`, value: r.batchedTokensPerSecond, unit: 'tok/s' },
    {
      metric: `batched ÷ sequential (${label(r.config)})`,
      value: r.ratio.median,
      unit: '×',
      note: `${r.ratio.rounds.length} round(s): ${r.ratio.rounds.map((x) => x.toFixed(2)).join(', ')}; target ≥ 5`,
    },
    {
      metric: `  = steps saved ÷ batched step cost`,
      value: r.stepsSaved,
      unit: '×',
      note: `÷ ${r.batchedStepCost.toFixed(2)} (a batched step costs that many one-row steps)`,
    },
    { metric: `  in tokens per CPU-second`, value: r.cpuRatio, unit: '×' },
    {
      metric: `  same output batched as one at a time`,
      value: r.identicalOutputs * 100,
      unit: '%',
      note: `${r.doubtful} sentence(s) doubted and decoded again alone`,
    },
  ]);
  rows.push({
    metric: `seed article: ${sentences.length} sentences, ${words} words`,
    value: sourceTokens.reduce((a, b) => a + b, 0),
    unit: 'tokens',
    note: `${(sourceTokens.reduce((a, b) => a + b, 0) / words).toFixed(2)} per word; longest sentence ${Math.max(...sourceTokens)}`,
  });
  return { name: 'translate', rows, details: { sentences: sentences.length, words, sourceTokens, results } };
}
