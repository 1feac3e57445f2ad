/**
 * Fits text into a model's input window. Tokens are counted by the caller's own tokenizer, never estimated:
 * counts are not additive (special tokens, merges across a join), so every candidate chunk is counted whole.
 */
import { getSegmenter } from './segment';

export type CountTokens = (text: string) => number;

/**
 * No real vocabulary has pieces longer than this, so longer text is over budget without asking the tokenizer —
 * which matters because tokenizers can be quadratic on one huge "word" (36 s for 50,000 letters with Marian's
 * Unigram model in transformers.js).
 */
const MAX_CHARS_PER_TOKEN = 32;

/** The text's token count, or Infinity when it is too long to be worth asking. */
function measure(text: string, budget: number, countTokens: CountTokens): number {
  return text.length <= budget * MAX_CHARS_PER_TOKEN ? countTokens(text) : Infinity;
}

function fitsBudget(text: string, budget: number, countTokens: CountTokens): boolean {
  return measure(text, budget, countTokens) <= budget;
}

export interface SentenceGroup {
  /** The grouped sentences (or one piece of an over-long sentence), joined for the model. */
  text: string;
  /** Indices of the sentences the group holds, ascending. */
  sentences: number[];
}

// After , ; : (and any closing quote) only when whitespace follows, so "3,000" and "10:30" hold; CJK and Arabic
// marks need none.
const CLAUSE_END = /[,;:]["'”’»)]*\s+|[，、；：،؛]\s*|[—–]\s*/gu;
const DIGIT = /\p{Nd}/u;

/** Clauses, each keeping its closing mark and the whitespace after it. */
function splitClauses(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_END)) {
    const end = match.index + match[0].length;
    // "1990–2000" is a range, not a clause break.
    const isRange =
      /[—–]/u.test(match[0]) && DIGIT.test(text[match.index - 1] ?? '') && DIGIT.test(text[end] ?? '');
    if (isRange || end >= text.length) continue;
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/**
 * Words, each with the punctuation and spaces that follow it. Adjacent word-like segments are separate words
 * too, which is how Chinese and Japanese (no spaces) get cut between dictionary words rather than mid-word.
 */
function splitWordPieces(text: string, lang: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let previous: Intl.SegmentData | undefined;
  for (const segment of getSegmenter(lang, 'word').segment(text)) {
    const afterSpace =
      previous !== undefined && /\s$/u.test(previous.segment) && !/^\s/u.test(segment.segment);
    const betweenWords = previous?.isWordLike === true && segment.isWordLike === true;
    if (current && (afterSpace || betweenWords)) {
      pieces.push(current);
      current = '';
    }
    current += segment.segment;
    previous = segment;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** User-perceived characters, so a Devanagari syllable or an emoji is never cut in half. */
function splitGraphemes(text: string, lang: string): string[] {
  return Array.from(getSegmenter(lang, 'grapheme').segment(text), (s) => s.segment);
}

/** Coarsest first: a clause boundary reads better than a word boundary, which reads better than a cut word. */
const LEVELS: readonly ((text: string, lang: string) => string[])[] = [
  splitClauses,
  splitWordPieces,
  splitGraphemes,
];

/**
 * Splits `text` into chunks of at most `budget` tokens at this level's boundaries, going a level finer inside
 * any piece that is over budget on its own. `tokensPerChar` (of the sentence) only guides the first guesses.
 */
function splitAtLevel(
  text: string,
  tokensPerChar: number,
  level: number,
  budget: number,
  countTokens: CountTokens,
  lang: string,
): string[] {
  const split = LEVELS[level];
  if (!split) {
    throw new RangeError(
      `A budget of ${budget} tokens cannot hold even one character (${JSON.stringify(text)}).`,
    );
  }
  const pieces = split(text, lang);
  const chunks: string[] = [];
  let start = 0;
  while (start < pieces.length) {
    const taken = fittingRun(pieces, start, budget, countTokens, tokensPerChar);
    if (taken === 0) {
      // The first piece is over budget on its own. The tail of its finer split may still share a chunk with
      // what follows it.
      const finer = splitAtLevel(pieces[start]!, tokensPerChar, level + 1, budget, countTokens, lang);
      pieces[start] = finer.pop() ?? '';
      chunks.push(...finer);
      continue;
    }
    chunks.push(pieces.slice(start, start + taken).join(''));
    start += taken;
  }
  return chunks;
}

/**
 * How many pieces from `start` fit the budget together (0 when not even the first does). The guess comes from
 * the sentence's tokens per character and is taken if it fits: one tokenizer call for most chunks. (Where the
 * stretch is sparser than the sentence, a chunk may end a piece earlier than it had to; it still fits.) A
 * guess that does not fit is walked back by galloping and bisecting: O(log n) calls, which matters for a
 * 50,000-character "word" split into graphemes. Relies on counts growing as pieces are added.
 */
function fittingRun(
  pieces: readonly string[],
  start: number,
  budget: number,
  countTokens: CountTokens,
  tokensPerChar: number,
) {
  const fits = (n: number) => fitsBudget(pieces.slice(start, start + n).join(''), budget, countTokens);
  const available = pieces.length - start;
  let guess = 1;
  for (let chars = pieces[start]!.length; guess < available; guess++) {
    chars += pieces[start + guess]!.length;
    if (chars * tokensPerChar > budget) break;
  }
  if (fits(guess)) return guess;
  // good always fits (0 trivially) and bad never does.
  let good = 0;
  let bad = guess;
  for (let step = 1; bad - good > 1; step *= 2) {
    const next = Math.max(bad - step, good);
    if (next === good || fits(next)) {
      good = next;
      break;
    }
    bad = next;
  }
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fits(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/**
 * Splits one sentence into pieces of at most `budget` tokens, at clause marks, then between words, then (for a
 * single enormous "word" such as a URL) between characters. A sentence that fits comes back whole.
 * The pieces concatenate to exactly `sentence`; each keeps its trailing whitespace.
 */
export function splitToBudget(
  sentence: string,
  budget: number,
  countTokens: CountTokens,
  lang = 'en',
): string[] {
  const tokens = measure(sentence, budget, countTokens);
  if (tokens <= budget) return [sentence];
  // Unmeasured (too long to ask): assume the densest text, a token per character, so that guesses start small.
  const tokensPerChar = Number.isFinite(tokens) ? tokens / sentence.length : 1;
  return splitAtLevel(sentence, tokensPerChar, 0, budget, countTokens, lang);
}

// Chinese and Japanese run on without spaces: "他说：“好。”走了。", not "他说：“好。” 走了。". A sentence counts as
// such when its last (first) character that is not punctuation is Han or kana, or it ends in a full-width mark.
const ENDS_CJK =
  /(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\u3000-\u303f\uff00-\uffef])\p{P}*$/u;
const STARTS_CJK = /^\p{P}*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Joins sentences as a reader would write them: with a space, except between Chinese or Japanese ones. */
export function joinSentences(sentences: readonly string[]): string {
  let text = '';
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    if (!trimmed) continue;
    const seamless = ENDS_CJK.test(text) && STARTS_CJK.test(trimmed);
    text += text && !seamless ? ` ${trimmed}` : trimmed;
  }
  return text;
}

/**
 * Groups consecutive whole sentences into chunks of at most `budget` tokens, for summarising in map-reduce
 * rounds. A sentence longer than the budget on its own is split by `splitToBudget`; each piece's group names
 * it (the last piece may share its group with the next sentence), so no chunk exceeds the budget and no text is
 * dropped.
 */
export function packSentences(
  sentences: readonly string[],
  budget: number,
  countTokens: CountTokens,
  lang = 'en',
): SentenceGroup[] {
  const groups: SentenceGroup[] = [];
  let current: SentenceGroup | undefined;
  sentences.forEach((sentence, index) => {
    if (!sentence.trim()) return;
    if (current) {
      const text = joinSentences([current.text, sentence]);
      if (fitsBudget(text, budget, countTokens)) {
        current = { text, sentences: [...current.sentences, index] };
        return;
      }
      groups.push(current);
      current = undefined;
    }
    const pieces = splitToBudget(sentence.trim(), budget, countTokens, lang);
    const last = pieces.pop() ?? '';
    for (const piece of pieces) groups.push({ text: piece.trim(), sentences: [index] });
    current = { text: last.trim(), sentences: [index] };
  });
  if (current) groups.push(current);
  return groups;
}
