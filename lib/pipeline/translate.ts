/**
/**
 * Sentence-aligned, batched translation through a registry route (one leg, or two through English).
 * Output i is the translation of input sentence i, always: long sentences are split small enough that a
 * translation twice their length still fits the model, and their pieces rejoined, so nothing is truncated
 * on the way in or out and nothing is lost.
 */
import { InterruptableStoppingCriteria } from '@huggingface/transformers';
import { throwIfAborted } from '@/lib/errors';
import type { TranslationLeg, TranslationRoute } from '@/lib/models/registry';
import type { SummarySentence } from '@/lib/summarize/options';
import { joinSentences, splitToBudget } from '@/lib/text/chunk';
import type { PipelineContext } from './context';
import { generate } from './generate';
import { loadModel } from './load';
import { doubtAbout, type DoubtReason } from './quality';

/** What translating needs from the pipeline context. */
export type TranslateContext = Pick<
  PipelineContext,
  'device' | 'shaderF16' | 'signal' | 'onProgress' | 'batchSize' | 'threads' | 'modelHost'
> &
  Partial<Pick<PipelineContext, 'profile'>>;

export const DEFAULT_BATCH_SIZE = 4;

/**
 * Output tokens a translation may take per source token. Translations run longer than their source in many
 * pairs (en→hi about 1.5× in tokens); 2 leaves room for the worst of them, and pieces are cut small enough
 * that twice their length still fits the model's positions.
 */
const EXPANSION = 2;

/** A translated sentence, and why it is doubtful when it is (see quality.ts): the reader should know. */
export interface Translation {
  text: string;
  doubtful?: DoubtReason;
}

/** A source sentence beside its translation, as results, the API and shares carry them. */
export interface Segment {
  source: string;
  target: string;
  doubtful?: DoubtReason;
  /** The target's Latin form, when romanisation was asked for. */
  latin?: string;
}

/** A summary's sentences in translation: each keeps the sources it quotes, and carries any doubt. */
export function toSummarySentences(
  sentences: readonly SummarySentence[],
  translations: readonly Translation[],
): SummarySentence[] {
  return sentences.map(({ sources }, i) => {
    const { text = '', doubtful } = translations[i] ?? {};
    return doubtful ? { text, sources, doubtful } : { text, sources };
  });
}

export function toSegments(sources: readonly string[], translations: readonly Translation[]): Segment[] {
  return sources.map((source, i) => {
    const { text = '', doubtful } = translations[i] ?? {};
    return doubtful ? { source, target: text, doubtful } : { source, target: text };
  });
}

export async function translateSentences(
  sentences: readonly string[],
  route: TranslationRoute,
  context: TranslateContext = {},
): Promise<Translation[]> {
  let current: Translation[] = sentences.map((text) => ({ text }));
  for (const leg of route) {
    const next = await translateLeg(
      current.map((t) => t.text),
      leg,
      context,
    );
    // Doubt about the first leg of two stays with the sentence.
    current = next.map((t, i) => translation(t.text, current[i]?.doubtful ?? t.doubtful));
  }
  return current;
}

interface Piece {
  sentence: number;
  text: string;
  tokens: number;
}

async function translateLeg(
  sentences: readonly string[],
  leg: TranslationLeg,
  context: TranslateContext,
): Promise<Translation[]> {
  const { signal, onProgress, batchSize = DEFAULT_BATCH_SIZE } = context;
  throwIfAborted(signal);
  const translator = await loadModel(leg.model, context);
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
      ? splitToBudget(sentence, pieceBudget(leg.model.maxInputTokens), countTokens, leg.source).map(
          (text) => ({
            sentence: index,
            text,
            tokens: countTokens(text),
          }),
        )
      : [],
  );
  // Longest first: pieces of similar length share a batch, so little compute is spent on padding.
  const order = pieces.map((_, i) => i).sort((a, b) => pieces[b]!.tokens - pieces[a]!.tokens || a - b);
  const outputs = new Array<string>(pieces.length);
  const doubts = new Array<DoubtReason | undefined>(pieces.length);
  const interrupt = new InterruptableStoppingCriteria();
  const stop = () => interrupt.interrupt();
  const decode = async (batch: number[]) => {
    throwIfAborted(signal);
    const longest = Math.max(...batch.map((i) => pieces[i]!.tokens));
    const results = await generate(
      translator,
      batch.map((i) => prefix + pieces[i]!.text.trim()),
      {
        maxNewTokens: outputBudget(longest, leg.model.maxInputTokens),
        srcLang: leg.srcLang,
        tgtLang: leg.tgtLang,
        interrupt,
      },
    );
    throwIfAborted(signal);
    batch.forEach((pieceIndex, j) => {
      outputs[pieceIndex] = results[j] ?? '';
      doubts[pieceIndex] = doubtAbout(pieces[pieceIndex]!.text, outputs[pieceIndex], leg);
    });
  };
  signal?.addEventListener('abort', stop);
  try {
    for (let start = 0; start < order.length; start += batchSize) {
      await decode(order.slice(start, start + batchSize));
      onProgress?.({
        type: 'step',
        task: 'translate',
        language: leg.target,
        done: Math.min(start + batchSize, order.length),
        total: order.length,
      });
    }
    // A doubtful piece gets a second, fresh decode on its own, out of whatever its batch did to it; what
    // is still doubtful after that is flagged, not hidden.
    for (const [i, doubt] of doubts.entries()) if (doubt) await decode([i]);
  } finally {
    signal?.removeEventListener('abort', stop);
  }

  const translated = distinct.map(() => ({
    texts: [] as string[],
    doubtful: undefined as DoubtReason | undefined,
  }));
  pieces.forEach((piece, i) => {
    const sentence = translated[piece.sentence]!;
    sentence.texts.push(outputs[i] ?? '');
    sentence.doubtful ??= doubts[i];
  });
  const byText = new Map(
    distinct.map((sentence, i) => {
      const { texts, doubtful } = translated[i]!;
      return [sentence, translation(joinSentences(texts), doubtful)];
    }),
  );
  return sentences.map((sentence) => byText.get(sentence)!);
}

function translation(text: string, doubtful: DoubtReason | undefined): Translation {
  return doubtful ? { text, doubtful } : { text };
}

/** The longest piece, in source tokens, whose translation still fits the model's positions. */
function pieceBudget(modelLimit: number): number {
  return Math.floor(modelLimit / EXPANSION);
}

/**
 * Room for the output: the pipeline's default of 256 would silently cut long pieces, and a budget of the
 * input's own length cuts every translation that runs longer than its source. Capped at the model's
 * positional limit, which pieceBudget leaves room within.
 */
function outputBudget(inputTokens: number, modelLimit: number): number {
  return Math.min(modelLimit, inputTokens * EXPANSION + 16);
}
