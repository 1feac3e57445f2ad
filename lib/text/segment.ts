/**
 * Sentence and word segmentation on top of Intl.Segmenter (ICU's Unicode UAX #29 rules), which already knows
 * decimals ("3.5"), closing quotes after a full stop, CJK 。！？ and Devanagari । ॥. What ICU lacks in a
 * browser/Node build is its abbreviation list, so it splits "Mr. | Smith"; `joinsNext` repairs that.
 */

export interface Sentence {
  /** The sentence, trimmed. */
  text: string;
  /** Offset of `text` in the string given to `splitSentences`. */
  start: number;
  /** Offset just past `text`, so `input.slice(start, end) === text`. */
  end: number;
}

type Granularity = 'sentence' | 'word' | 'grapheme';

const segmenters = new Map<string, Intl.Segmenter>();

/** Segmenters are costly to build (ICU loads break rules and dictionaries), so keep one per language. */
export function getSegmenter(lang: string, granularity: Granularity): Intl.Segmenter {
  const key = `${lang}|${granularity}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang, { granularity });
    } catch {
      // A malformed tag (e.g. detection's guess) must not break segmentation; the rules barely vary by locale.
      segmenter = new Intl.Segmenter('en', { granularity });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Abbreviations that precede a name or number and never end a sentence in news copy, so a split after them is
 * always wrong ("Dr. | Jones", "St. | Petersburg", Hindi "डॉ. | शर्मा").
 */
const TITLES = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'prof.',
  'st.',
  'gen.',
  'sen.',
  'rep.',
  'gov.',
  'lt.',
  'col.',
  'capt.',
  'sgt.',
  'rev.',
  'डॉ.',
]);

/**
 * Abbreviations that can also end a sentence ("…moved to the U.S. | The next day"), so they join the next
 * segment only when it starts with a digit ("No. | 10 Downing St.", "Jan. | 5"); before lower case everything
 * joins anyway. "No." lives here rather than with the titles because it is also the answer "No. | He refused."
 */
const ABBREVIATIONS = new Set([
  'u.s.',
  'u.k.',
  'u.n.',
  'e.g.',
  'i.e.',
  'etc.',
  'vs.',
  'no.',
  'jan.',
  'feb.',
  'mar.',
  'apr.',
  'aug.',
  'sept.',
  'sep.',
  'oct.',
  'nov.',
  'dec.',
]);

/** A lone capital and dot is an initial ("George W. | Bush", "В. В. | Путин") — except "I.", a numeral. */
const INITIAL = /^\p{Lu}\.$/u;
const OPENING_PUNCTUATION = /^[("“‘«[]+/u;
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/u;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_DIGIT = /^\p{Nd}/u;

function joinsNext(previous: string, next: string, gap: string): boolean {
  // A line break between them is a paragraph or heading boundary, whatever the punctuation says.
  if (LINE_BREAK.test(gap)) return false;
  // In cased scripts a sentence starts with a capital. ICU breaks before lower case only after ? and !, as in
  // "“Why?” | she asked."; after a full stop it already holds ("i.e. | a lot").
  if (STARTS_LOWER.test(next)) return true;
  const lastWord = (/\S+$/u.exec(previous)?.[0] ?? '').replace(OPENING_PUNCTUATION, '');
  if (INITIAL.test(lastWord) && lastWord !== 'I.') return true;
  const word = lastWord.toLowerCase();
  if (TITLES.has(word)) return true;
  return ABBREVIATIONS.has(word) && STARTS_DIGIT.test(next);
}

/**
 * Splits text into sentences. Line breaks always end a sentence (headlines and paragraphs rarely end in a full
 * stop). Whitespace between sentences is dropped, but every other character lands in exactly one sentence.
 */
export function splitSentences(text: string, lang = 'en'): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { segment, index } of getSegmenter(lang, 'sentence').segment(text)) {
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const start = index + segment.length - segment.trimStart().length;
    const sentence = { text: trimmed, start, end: start + trimmed.length };
    const previous = sentences.at(-1);
    if (previous && joinsNext(previous.text, trimmed, text.slice(previous.end, start))) {
      sentences[sentences.length - 1] = {
        text: text.slice(previous.start, sentence.end),
        start: previous.start,
        end: sentence.end,
      };
    } else {
      sentences.push(sentence);
    }
  }
  return sentences;
}

/** The words of a text, without spaces and punctuation; Chinese is split with ICU's dictionary. */
export function splitWords(text: string, lang = 'en'): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of getSegmenter(lang, 'word').segment(text)) {
    if (isWordLike) words.push(segment);
  }
  return words;
}
