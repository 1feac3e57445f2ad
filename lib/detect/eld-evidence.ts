import { eld } from 'eld/extrasmall';

/**
 * eld reads at most about 350 bytes of a text (a hundred-odd Hindi or Chinese characters), so a longer
 * sample is read in windows of this many UTF-8 bytes and the windows' evidence added up.
 */
const WINDOW_BYTES = 300;

const encoder = new TextEncoder();

function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** `text` cut into pieces of at most WINDOW_BYTES, at spaces where there are any. */
function windowsOf(text: string): string[] {
  const windows: string[] = [];
  let current = '';
  let bytes = 0;
  // Words with their trailing space; a long run without spaces (Chinese, Japanese) goes by characters.
  for (const word of text.match(/\S+\s*|\s+/g) ?? []) {
    const pieces = byteLength(word) > WINDOW_BYTES ? Array.from(word) : [word];
    for (const piece of pieces) {
      const size = byteLength(piece);
      if (bytes + size > WINDOW_BYTES && current) {
        windows.push(current);
        current = '';
        bytes = 0;
      }
      current += piece;
      bytes += size;
    }
  }
  if (current.trim()) windows.push(current);
  return windows;
}

/**
 * eld's log-evidence for each language it sees in `text`, by ISO 639-1 code, scaled so the best is 0.
 *
 * eld sums a log-frequency score over a text's distinct byte 4-grams for each language and reports the
 * mean per n-gram, squashed into 0..1 as mean ÷ (mean + 25). Undoing the squash and multiplying by the
 * number of n-grams (about one per three bytes) gives the sum back: a log-likelihood up to scale, which
 * grows with the text as evidence should. A language missing from a window scored nothing there.
 */
export function eldEvidence(text: string, temperature: number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const window of windowsOf(text)) {
    const ngrams = byteLength(window) / 3;
    for (const [code, squashed] of Object.entries(eld.detect(window).getScores())) {
      const mean = (25 * squashed) / (1 - squashed);
      sums.set(code, (sums.get(code) ?? 0) + mean * ngrams);
    }
  }
  const best = Math.max(...sums.values());
  return new Map([...sums].map(([code, sum]) => [code, (sum - best) / temperature]));
}
