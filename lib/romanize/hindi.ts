import Sanscript from '@indic-transliteration/sanscript';

import { tokensByWord, type RomanToken } from './tokens';

/*
 * Hindi in IAST with Hindi's schwa deletion. IAST because Hindi readers (and Indian news and textbooks)
 * know it, and because it writes ए/ओ as e/o (Hindi has no short e/o to tell them from), where ISO 15919
 * writes ē/ō. Schwa deletion because a plain letter-by-letter transliteration writes every inherent vowel,
 * which Hindi does not say: नमस्ते is "namaste" either way, but भारत is "bhārat", not "bhārata", and
 * कमला "kamlā", not "kamalā". Sanscript (maintained by the indic-transliteration project) transliterates;
 * the vowels Hindi drops are marked with a virama first, by the rule below.
 */

const DEVANAGARI_WORD = /[\u0900-\u0963\u0966-\u097F\u200C\u200D]+/u;
const VIRAMA = '\u094D';
const NUKTA = '\u093C';

const isConsonant = (c: string) => /[\u0915-\u0939\u0958-\u095F\u0978-\u097F]/.test(c);
const isVowelSign = (c: string) => /[\u093A\u093B\u093E-\u094C\u094E\u094F\u0955-\u0957\u0962\u0963]/.test(c);
/** Chandrabindu, anusvara, visarga: a vowel carrying one is said. */
const isModifier = (c: string) => /[\u0900-\u0903]/.test(c);

interface Syllable {
  /** Consonants before the vowel (0 for an independent vowel). */
  onset: number;
  /** The last consonant of the onset. */
  last?: string;
  vowel: 'inherent' | 'sign' | 'independent' | 'none';
  modified: boolean;
  /** Where a virama goes if the inherent vowel is dropped. */
  end: number;
  dropped: boolean;
}

function syllablesOf(word: string): Syllable[] {
  const syllables: Syllable[] = [];
  let i = 0;
  while (i < word.length) {
    const c = word[i]!;
    if (isConsonant(c)) {
      let onset = 0;
      let last = c;
      for (;;) {
        last = word[i]!;
        onset += 1;
        i += word[i + 1] === NUKTA ? 2 : 1;
        if (word[i] === VIRAMA && isConsonant(word[i + 1] ?? '')) i += 1;
        else break;
      }
      const syllable: Syllable = { onset, last, vowel: 'inherent', modified: false, end: i, dropped: false };
      if (word[i] === VIRAMA) {
        syllable.vowel = 'none';
        i += 1;
      } else if (isVowelSign(word[i] ?? '')) {
        syllable.vowel = 'sign';
        i += 1;
      }
      syllables.push(syllable);
    } else if (isModifier(c) || !syllables.length) {
      // A modifier (or anything else that cannot start a syllable) belongs to the syllable before it.
      if (syllables.length) syllables.at(-1)!.modified = true;
      else syllables.push({ onset: 0, vowel: 'independent', modified: false, end: i + 1, dropped: false });
      i += 1;
    } else {
      // An independent vowel, or a joiner or avagraha: its own syllable, said as written.
      syllables.push({ onset: 0, vowel: 'independent', modified: false, end: i + 1, dropped: false });
      i += 1;
    }
  }
  return syllables;
}

const said = (s: Syllable | undefined) => s !== undefined && s.vowel !== 'none' && !s.dropped;
const droppable = (s: Syllable) => s.vowel === 'inherent' && !s.modified;

/**
 * Marks the inherent vowels Hindi drops (Ohala's rule, right to left): the word's last one, unless the
 * word is one syllable or it follows a cluster ending in य, र or व (मित्र "mitra", सूर्य "sūrya"); and a
 * medial one between a said vowel + consonant and a consonant + vowel (कमला → kamlā). Compounds and a few
 * loanwords break the rule; the reading stays close enough to be recognised.
 */
function dropSchwas(syllables: Syllable[]): void {
  const final = syllables.at(-1);
  if (final && syllables.length > 1 && droppable(final)) {
    final.dropped = final.onset === 1 || !/[यरव]/.test(final.last ?? '');
  }
  for (let i = syllables.length - 2; i >= 1; i--) {
    const s = syllables[i]!;
    const next = syllables[i + 1]!;
    if (droppable(s) && s.onset === 1 && said(syllables[i - 1]) && next.onset === 1 && said(next)) {
      s.dropped = true;
    }
  }
}

function hindiWord(word: string): string {
  const syllables = syllablesOf(word);
  dropSchwas(syllables);
  let marked = '';
  let from = 0;
  for (const s of syllables) {
    if (!s.dropped) continue;
    marked += word.slice(from, s.end) + VIRAMA;
    from = s.end;
  }
  return Sanscript.t(marked + word.slice(from), 'devanagari', 'iast');
}

export function hindiTokens(text: string): RomanToken[] {
  return tokensByWord(text, DEVANAGARI_WORD, hindiWord);
}
