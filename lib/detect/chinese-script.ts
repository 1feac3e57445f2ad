import OpenCC from 'opencc-js';

type Convert = (text: string) => string;

// Building the converters loads OpenCC's dictionaries into tries, so it waits for the first Chinese text.
let converters: { toSimplified: Convert; toTraditional: Convert } | undefined;

function getConverters() {
  converters ??= {
    toSimplified: OpenCC.Converter({ from: 't', to: 'cn' }),
    toTraditional: OpenCC.Converter({ from: 'cn', to: 't' }),
  };
  return converters;
}

const HAN = /\p{Script=Han}/u;

export interface ChineseScriptShares {
  hans: number;
  hant: number;
}

/**
 * How strongly Chinese text points to Simplified vs Traditional characters (two shares summing to 1).
 *
 * A character that changes when converted to Simplified is a Traditional form, and vice versa; most
 * characters are shared and say nothing. Whole-text conversion (not character by character) lets
 * OpenCC's phrase tables keep shared characters such as 后 in 皇后 or 里 in 公里 from counting as
 * Simplified. Its dictionaries map strings to strings of the same length, so positions stay aligned.
 * Laplace's rule of succession turns the counts into shares, so a text with one telling character
 * stays near 50/50 instead of claiming certainty.
 */
export function chineseScriptShares(text: string): ChineseScriptShares {
  const { toSimplified, toTraditional } = getConverters();
  const original = Array.from(text);
  const simplified = Array.from(toSimplified(text));
  const traditional = Array.from(toTraditional(text));
  let traditionalForms = 0;
  let simplifiedForms = 0;
  original.forEach((char, i) => {
    if (!HAN.test(char)) return;
    if (simplified[i] !== char) traditionalForms++;
    if (traditional[i] !== char) simplifiedForms++;
  });
  const hant = (traditionalForms + 1) / (traditionalForms + simplifiedForms + 2);
  return { hans: 1 - hant, hant };
}
