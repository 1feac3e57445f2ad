import { francAll } from 'franc';

/**
 * franc's log-evidence for each of `francCodes` (ISO 639-3), scaled so the best is 0; codes franc did not
 * score (another script, or a text of no letters) are absent.
 *
 * franc scores languages by trigram distance, rescaled so the best is 1 and every other language loses
 * its extra distance divided by (300 × text length − best distance), about the worst distance possible.
 * That divisor grows with the text while the distances grow more slowly (they sum over *distinct*
 * trigrams), so the same gap means more on a long text. Multiplying the gap (1 − score) by the text
 * length undoes the rescaling and gives a margin that grows with evidence, like a log-likelihood ratio.
 */
export function francEvidence(text: string, francCodes: readonly string[], temperature: number) {
  const scores = francCodes.length ? francAll(text, { only: [...francCodes], minLength: 1 }) : [];
  return new Map(
    scores
      .filter(([code]) => code !== 'und')
      .map(([code, score]) => [code, -((1 - score) * text.length) / temperature]),
  );
}
