/**
 * The one way Bitext calls a model's generate(): every translation leg and the summariser, in the browser
 * worker and on the server. transformers.js 3.8.1's greedy loop has gaps that only real weights show; they
 * are closed here, once.
 */
import { LogitsProcessor, type InterruptableStoppingCriteria, type Tensor } from '@huggingface/transformers';
import type { TextToTextPipeline } from './load';

export interface GenerateOptions {
  maxNewTokens: number;
  /**
   * Tokens to write before eos is allowed. Given, it replaces the model's own `min_length` (distilbart's
   * 56), which counts from the start token whatever the input, so it cannot suit every chunk.
   */
  minNewTokens?: number;
  /** NLLB's FLORES-200 codes, read by its tokenizer. */
  srcLang?: string;
  tgtLang?: string;
  /** Ends the call early (cancellation). */
  interrupt?: InterruptableStoppingCriteria;
}

/**
 * In 3.8.1 a row of a batch that has emitted eos is still fed and decoded until every row has (its
 * EosTokenCriteria looks only at each row's last token), and the pipeline decodes everything after the
 * first eos. A real model may write anything once its input is `</s>`, so a short sentence batched with a
 * long one came back with junk glued on. This forces eos on a row from the step after its first eos, which
 * also keeps its last token eos, so the loop ends when the longest row does, as before.
 */
class FinishedRowsStayFinished extends LogitsProcessor {
  /** The decoder's start tokens (its first call's length); an eos among them is not an ending. */
  private promptLength?: number;

  constructor(private readonly eos: readonly number[]) {
    super();
  }

  _call(inputIds: bigint[][], logits: Tensor): Tensor {
    const promptLength = (this.promptLength ??= inputIds[0]?.length ?? 0);
    inputIds.forEach((row, i) => {
      const last = row.at(-1);
      if (row.length <= promptLength || last === undefined || !this.eos.includes(Number(last))) return;
      // Indexing a Tensor gives a view of that row's logits (as 3.8.1's own processors use it).
      const scores = (logits as unknown as Tensor[])[i]!.data as Float32Array;
      scores.fill(-Infinity);
      scores[Number(last)] = 0;
    });
    return logits;
  }
}

/** The model's eos token id(s), where generate() itself looks for them. */
function eosIds(pipe: TextToTextPipeline): number[] {
  const model = pipe.model as unknown as {
    generation_config: { eos_token_id?: number | number[] | null } | null;
    config: { eos_token_id?: number | number[] | null };
  };
  const eos = model.generation_config?.eos_token_id ?? model.config.eos_token_id;
  return eos === undefined || eos === null ? [] : [eos].flat();
}

/**
 * transformers.js types a pipeline's options as a complete GenerationConfig; at run time they are keyword
 * arguments merged over the model's generation_config, and include generate()'s logits_processor and
 * stopping_criteria and NLLB's src_lang/tgt_lang.
 */
type GenerateCall = (
  texts: string[],
  options: Record<string, unknown>,
) => Promise<{ translation_text?: string; summary_text?: string }[]>;

/** One generate() call over a batch of texts; output i is the model's text for input i. */
export async function generate(
  pipe: TextToTextPipeline,
  texts: string[],
  { maxNewTokens, minNewTokens, srcLang, tgtLang, interrupt }: GenerateOptions,
): Promise<string[]> {
  const results = await (pipe as unknown as GenerateCall)(texts, {
    max_new_tokens: maxNewTokens,
    ...(minNewTokens === undefined ? {} : { min_length: 0, min_new_tokens: minNewTokens }),
    src_lang: srcLang,
    tgt_lang: tgtLang,
    logits_processor: [new FinishedRowsStayFinished(eosIds(pipe))],
    stopping_criteria: interrupt ? [interrupt] : null,
  });
  return texts.map((_, i) => (results[i]?.translation_text ?? results[i]?.summary_text ?? '').trim());
}
