/**
 * Models in the benchmarks' own process: where transformers.js loads them from, and where loaded pipelines
 * spend their time, measured from outside lib. Pipelines are callables that route every call through their
 * `_call` method, so an own `_call` on the instance sees each call lib/pipeline makes (arguments and results
 * untouched); the model's `generate` and the tokenizer's `encode` are wrapped the same way.
 */
import { env } from '@huggingface/transformers';
import type { TextToTextPipeline } from '@/lib/pipeline/load';

export interface ModelCallTimes {
  /** Pipeline calls: tokenise, generate, decode. */
  calls: number;
  callMs: number;
  /** Inside those calls, the model's generate() alone. */
  generateMs: number;
  /** tokenizer.encode() outside pipeline calls: lib/pipeline counting tokens to chunk and sort by length. */
  countingCalls: number;
  countingMs: number;
  /** The texts those calls counted: how many calls a memo of counts would have left. */
  countedTexts: Set<unknown>;
}

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;

interface Instrumentable {
  _call: AsyncMethod;
  model: { generate: AsyncMethod };
  tokenizer: { encode: (...args: unknown[]) => unknown };
}

const instrumented = new WeakMap<TextToTextPipeline, ModelCallTimes>();

function emptyTimes(): ModelCallTimes {
  return { calls: 0, callMs: 0, generateMs: 0, countingCalls: 0, countingMs: 0, countedTexts: new Set() };
}

/** Starts timing `pipeline` (once; later calls return the same running totals, which `resetTimes` zeroes). */
export function timeModelCalls(pipeline: TextToTextPipeline): ModelCallTimes {
  const known = instrumented.get(pipeline);
  if (known) return known;
  const times = emptyTimes();
  const target = pipeline as unknown as Instrumentable;
  // Tokenising inside a pipeline call is part of that call, not counting.
  let inCall = 0;

  const call = target._call.bind(target);
  target._call = async (...args) => {
    const started = performance.now();
    inCall++;
    try {
      return await call(...args);
    } finally {
      inCall--;
      times.calls++;
      times.callMs += performance.now() - started;
    }
  };
  const generate = target.model.generate.bind(target.model);
  target.model.generate = async (...args) => {
    const started = performance.now();
    try {
      return await generate(...args);
    } finally {
      times.generateMs += performance.now() - started;
    }
  };
  const encode = target.tokenizer.encode.bind(target.tokenizer);
  target.tokenizer.encode = (...args) => {
    if (inCall > 0) return encode(...args);
    times.countingCalls++;
    times.countedTexts.add(args[0]);
    const started = performance.now();
    try {
      return encode(...args);
    } finally {
      times.countingMs += performance.now() - started;
    }
  };
  instrumented.set(pipeline, times);
  return times;
}

export function resetTimes(times: ModelCallTimes): void {
  Object.assign(times, emptyTimes());
}

/** Several pipelines' totals added up (each tokenizer's texts are its own work). */
export function sumTimes(all: readonly ModelCallTimes[]) {
  const sum = (pick: (t: ModelCallTimes) => number) => all.reduce((total, t) => total + pick(t), 0);
  return {
    calls: sum((t) => t.calls),
    callMs: sum((t) => t.callMs),
    generateMs: sum((t) => t.generateMs),
    countingCalls: sum((t) => t.countingCalls),
    countingMs: sum((t) => t.countingMs),
    countingDistinct: sum((t) => t.countedTexts.size),
  };
}

/**
 * Points transformers.js at `root` for the duration of `work`, then puts back what was there: other
 * sections in this process load their models from elsewhere.
 */
export async function withLocalModels<T>(root: string, work: () => Promise<T>): Promise<T> {
  const saved = {
    localModelPath: env.localModelPath,
    allowLocalModels: env.allowLocalModels,
    allowRemoteModels: env.allowRemoteModels,
  };
  Object.assign(env, { localModelPath: root, allowLocalModels: true, allowRemoteModels: false });
  try {
    return await work();
  } finally {
    Object.assign(env, saved);
  }
}
