/**
 * Sentence-aligned, batched translation through a registry route.
 * Output i is the translation of input sentence i, always: long sentences are split to the model's token
 * budget and their pieces rejoined, so nothing is truncated and nothing is lost.
 */
import { InterruptableStoppingCriteria, type TranslationPipeline } from '@huggingface/transformers';
import { throwIfAborted } from '@/lib/errors';
import type { TranslationLeg, TranslationRoute } from '@/lib/models/registry';
import { joinSentences, splitToBudget } from '@/lib/text/chunk';
import type { OnProgress } from './events';
import { loadModel, type Device, type LoadOptions } from './load';

export interface TranslateOptions {
  device?: Device;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** Pieces per generate() call. */
  batchSize?: number;
  /** onnxruntime intra-op threads (see LoadOptions). */
  threads?: number;
  profile?: LoadOptions['profile'];
  modelHost?: LoadOptions['modelHost'];
}

export const DEFAULT_BATCH_SIZE = 4;

export async function translateSentences(
  sentences: readonly string[],
  route: TranslationRoute,
  options: TranslateOptions = {},
): Promise<string[]> {
  let current = [...sentences];
  for (const leg of route) current = await translateLeg(current, leg, options);
  return current;
}

/**
 * transformers.js types a pipeline's options as a complete GenerationConfig; at run time they are keyword
 * arguments merged over the model's generation_config, and include generate()'s stopping_criteria and
 * NLLB's src_lang/tgt_lang (read by its tokenizer).
 */
type TranslateCall = (
  texts: string[],
  options: {
    max_new_tokens: number;
    src_lang?: string;
    tgt_lang?: string;
    stopping_criteria: InterruptableStoppingCriteria[];
  },
) => Promise<{ translation_text: string }[]>;

interface Piece {
  sentence: number;
  text: string;
  tokens: number;
}

async function translateLeg(
  sentences: readonly string[],
  leg: TranslationLeg,
  {
    device,
    signal,
    onProgress,
    batchSize = DEFAULT_BATCH_SIZE,
    threads,
    profile,
    modelHost,
  }: TranslateOptions,
): Promise<string[]> {
  throwIfAborted(signal);
  const translator = (await loadModel(leg.model, {
    device,
    onProgress,
    profile,
    modelHost,
    threads,
  })) as TranslationPipeline;
  const prefix = leg.targetToken ? `${leg.targetToken} ` : '';
  // Chunking asks for the same texts' counts again and again (each piece is counted when it is tried and
  // when it is batched); remembering them halves the tokenizer calls, which dominate the overhead.
  const counts = new Map<string, number>();
  const countTokens = (text: string) => {
    let count = counts.get(text);
    if (count === undefined) {
      count = translator.tokenizer.encode(prefix + text).length;
      counts.set(text, count);
    }
    return count;
  };

  // A sentence given twice is translated once: an extractive summary repeats sentences of the article.
  const distinct = [...new Set(sentences)];
  const pieces: Piece[] = distinct.flatMap((sentence, index) =>
    sentence.trim()
      ? splitToBudget(sentence, leg.model.maxInputTokens, countTokens, leg.source).map((text) => ({
          sentence: index,
          text,
          tokens: countTokens(text),
        }))
      : [],
  );
  // Longest first: pieces of similar length share a batch, so little compute is spent on padding.
  const order = pieces.map((_, i) => i).sort((a, b) => pieces[b]!.tokens - pieces[a]!.tokens || a - b);
  const outputs = new Array<string>(pieces.length);
  const interrupt = new InterruptableStoppingCriteria();
  const stop = () => interrupt.interrupt();
  signal?.addEventListener('abort', stop);
  try {
    for (let start = 0; start < order.length; start += batchSize) {
      throwIfAborted(signal);
      const batch = order.slice(start, start + batchSize);
      const longest = Math.max(...batch.map((i) => pieces[i]!.tokens));
      const results = await (translator as unknown as TranslateCall)(
        batch.map((i) => prefix + pieces[i]!.text.trim()),
        {
          max_new_tokens: outputBudget(longest, leg.model.maxInputTokens),
          src_lang: leg.srcLang,
          tgt_lang: leg.tgtLang,
          stopping_criteria: [interrupt],
        },
      );
      throwIfAborted(signal);
      batch.forEach((pieceIndex, j) => {
        outputs[pieceIndex] = results[j]?.translation_text.trim() ?? '';
      });
      onProgress?.({
        type: 'step',
        task: 'translate',
        language: leg.target,
        done: Math.min(start + batchSize, order.length),
        total: order.length,
      });
    }
  } finally {
    signal?.removeEventListener('abort', stop);
  }

  const translated = distinct.map(() => [] as string[]);
  pieces.forEach((piece, i) => translated[piece.sentence]!.push(outputs[i] ?? ''));
  const byText = new Map(distinct.map((sentence, i) => [sentence, joinSentences(translated[i]!)]));
  return sentences.map((sentence) => byText.get(sentence)!);
}

/**
 * Room for the output: translations run longer than their source in many pairs (en→hi roughly 1.5× in
 * tokens), and the pipeline's default of 256 would silently cut long pieces. Capped at the model's
 * positional limit.
 */
function outputBudget(inputTokens: number, modelLimit: number): number {
  return Math.min(modelLimit, inputTokens * 2 + 16);
}
