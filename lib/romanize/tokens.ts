/** A piece of text and, for a word in a romanised script, how it is written in Latin letters. */
export interface RomanToken {
  text: string;
  latin?: string;
}

/**
 * Cuts `text` into the runs `word` matches (romanised by `latinOf`) and what lies between them (kept as
 * it is), in order.
 */
export function tokensByWord(text: string, word: RegExp, latinOf: (word: string) => string): RomanToken[] {
  const tokens: RomanToken[] = [];
  let last = 0;
  for (const match of text.matchAll(new RegExp(word.source, 'gu'))) {
    if (match.index > last) tokens.push({ text: text.slice(last, match.index) });
    tokens.push({ text: match[0], latin: latinOf(match[0]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push({ text: text.slice(last) });
  return tokens;
}
