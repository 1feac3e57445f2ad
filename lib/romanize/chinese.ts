import OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

import type { RomanToken } from './tokens';

const HAN = /\p{Script=Han}/u;

// pinyin-pro's dictionary is of Simplified words (it reads 銀行 character by character, as "yín xíng"), so
// Traditional text is looked up through its Simplified form. Built on first use: it loads OpenCC's tables.
let toSimplified: ((text: string) => string) | undefined;

/**
 * Pinyin with tone marks, one token per word. pinyin-pro reads each polyphonic character as its context
 * needs (行 is háng in 银行, xíng in 行人); the words, which pinyin writes as one (hànyǔ, not hàn yǔ), are
 * the browser's and Node's own Chinese word segmenter's (ICU's dictionary, through Intl.Segmenter).
 */
export function chineseTokens(text: string, language: 'zh-Hans' | 'zh-Hant'): RomanToken[] {
  if (language === 'zh-Hant') toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  const simplified = language === 'zh-Hant' && toSimplified ? toSimplified(text) : text;
  // OpenCC maps characters one for one; should a table ever not, read the original as it is.
  const lookup = simplified.length === text.length ? simplified : text;
  // One entry per code point of `lookup`, each read in the context of the whole text.
  const readings = pinyin(lookup, { type: 'all' }).map((item) => item.pinyin);
  const tokens: RomanToken[] = [];
  let point = 0;
  for (const { segment } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) {
    const length = [...segment].length;
    const latin = readings.slice(point, point + length).join('');
    point += length;
    const previous = tokens.at(-1);
    if (HAN.test(segment) && latin !== '') tokens.push({ text: segment, latin });
    else if (previous && previous.latin === undefined) previous.text += segment;
    else tokens.push({ text: segment });
  }
  return tokens;
}
