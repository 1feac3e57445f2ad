/**
 * The checks a person makes on a model's output before trusting it, as a table row each: is it in the
 * target's script, does it loop, is it about as long as its source should make it, is a summary shorter
 * than what it summarises. `npm run models:verify` runs them on canary sentences; the measures are the ones
 * translation uses to flag a doubtful sentence (./quality), so a model that passes here is not doubted there.
 */
import type { LanguageCode } from '@/lib/langs';
import { LENGTH_BOUNDS, MIN_SCRIPT_SHARE, lengthRatio, repeatedNgram, targetScriptShare } from './quality';

export interface CanaryCheck {
  name: 'script' | 'repetition' | 'length' | 'shorter' | 'empty';
  ok: boolean;
  /** What was measured, for the table ("script 0.98", "ratio 3.4"). */
  detail: string;
}

/** In its script and not looping: what every output must be. */
function textChecks(text: string, language: LanguageCode): CanaryCheck[] {
  const share = targetScriptShare(text, language);
  const loop = repeatedNgram(text, language);
  return [
    { name: 'script', ok: share >= MIN_SCRIPT_SHARE, detail: `script ${share.toFixed(2)}` },
    { name: 'repetition', ok: !loop, detail: loop ? `"${loop}" looped` : 'no loop' },
  ];
}

/** The checks on one translation of one canary text. */
export function checkTranslation(
  input: string,
  output: string,
  languages: { source: LanguageCode; target: LanguageCode },
): CanaryCheck[] {
  if (!output.trim()) return [{ name: 'empty', ok: false, detail: 'empty output' }];
  const ratio = lengthRatio(input, output, languages);
  return [
    ...textChecks(output, languages.target),
    {
      name: 'length',
      ok: ratio >= LENGTH_BOUNDS.min && ratio < LENGTH_BOUNDS.max,
      detail: `ratio ${ratio.toFixed(2)}`,
    },
  ];
}

/** The checks on a summary of `input` (both in `language`). */
export function checkSummary(input: string, summary: string, language: LanguageCode): CanaryCheck[] {
  if (!summary.trim()) return [{ name: 'empty', ok: false, detail: 'empty summary' }];
  const ratio = summary.length / input.length;
  return [
    ...textChecks(summary, language),
    { name: 'shorter', ok: ratio < 1, detail: `ratio ${ratio.toFixed(2)}` },
  ];
}
