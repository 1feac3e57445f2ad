import CyrillicToTranslit from 'cyrillic-to-translit-js';
import { translate, WIKIPEDIA } from 'iuliia';

import { tokensByWord, type RomanToken } from './tokens';

const CYRILLIC_WORD = /\p{Script=Cyrillic}+(?:['’ʼ]\p{Script=Cyrillic}+)*/u;

// iuliia has every Russian scheme but no Ukrainian one; the Ukrainian government's own (KMU 2010, which
// Wikipedia and passports use) comes from cyrillic-to-translit-js.
const ukrainian = CyrillicToTranslit({ preset: 'uk' });

/**
 * Russian in the Wikipedia scheme (Москва → Moskva, Щукин → Shchukin: what English-language news prints),
 * Ukrainian in KMU 2010 (Київ → Kyiv). Word by word: both schemes spell a letter by its place in the word.
 */
export function cyrillicTokens(text: string, language: 'ru' | 'uk'): RomanToken[] {
  const latinOf =
    language === 'ru'
      ? (word: string) => translate(word, WIKIPEDIA)
      : (word: string) => ukrainian.transform(word);
  return tokensByWord(text, CYRILLIC_WORD, latinOf);
}
