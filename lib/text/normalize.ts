/**
 * Cleans pasted text without changing what it says: typographic quotes, apostrophes and dashes stay as typed,
 * because they carry meaning for readers and for the models' tokenizers.
 */

const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028\u2029]/gu;
// Control characters other than tab and line feed: leftovers of copy-paste (NUL, backspace, escape sequences).
// The byte-order mark is matched too, since a paste from a file can carry one mid-text.
const CONTROL_CHARS = /[\0-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]/gu;
// Two or more horizontal spaces, or any tab, become one plain space. A single no-break or ideographic space
// is left alone: it is deliberate ("10 km", French "Bonjour !").
const SPACE_RUNS = /[\t\p{Zs}]{2,}|\t/gu;
const BLANK_LINE_RUNS = /\n{3,}/g;

export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROL_CHARS, '')
    .replace(SPACE_RUNS, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(BLANK_LINE_RUNS, '\n\n')
    .trim();
}

/**
 * Paragraphs are blocks separated by blank lines. Text pasted with no blank line at all (many sites copy that
 * way) has one paragraph per line instead.
 */
export function splitParagraphs(text: string): string[] {
  const trimmed = text
    .split(/\r\n?|\n/u)
    .map((line) => line.trim())
    .join('\n')
    .trim();
  if (!trimmed) return [];
  return trimmed.split(trimmed.includes('\n\n') ? /\n{2,}/u : '\n');
}
