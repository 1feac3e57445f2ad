import 'server-only';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/*
 * Fonts for the link-preview image. Satori (inside next/og) draws only with the fonts it is handed, as
 * TTF/OTF/WOFF, and never looks at the system's. Noto Sans (Latin, Cyrillic, Greek, Devanagari) and Noto Sans SC
 * (CJK) come from their @fontsource packages, split into the same unicode-range subsets browsers download;
 * an image loads only the subsets its text needs, so a Chinese title costs a few subsets, not the whole font.
 */

/** In order of preference: a character both cover is drawn with the first. */
const FAMILIES = ['noto-sans', 'noto-sans-sc'] as const;
const WEIGHTS = [400, 700] as const;

/** Satori's font option (`ImageResponse`'s `fonts`). */
export interface OgFont {
  name: string;
  data: Buffer;
  weight: (typeof WEIGHTS)[number];
  style: 'normal';
}

interface Subset {
  family: string;
  /** As the package names it: `latin`, `cyrillic`, or `[57]` for one slice of the CJK range. */
  name: string;
  ranges: [number, number][];
}

// Read at run time from the installed packages (the image route runs with node_modules beside it, as
// `next start` does); bundling the font files would copy 80 MB of CJK subsets into the build.
const packageDir = (family: string) => join(process.cwd(), 'node_modules', '@fontsource', family);

/** "U+0000-00FF,U+0131" → [[0x0, 0xff], [0x131, 0x131]]. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to, 16)];
  });
}

let subsets: Promise<Subset[]> | undefined;

function loadSubsets(): Promise<Subset[]> {
  subsets ??= Promise.all(
    FAMILIES.map(async (family) => {
      const file = join(packageDir(family), 'unicode.json');
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new Error(`Preview images need the font package @fontsource/${family} (${file} is missing).`, {
          cause: error,
        });
      });
      const table = JSON.parse(text) as Record<string, string>;
      return Object.entries(table).map(([name, range]) => ({
        family,
        name,
        ranges: parseUnicodeRange(range),
      }));
    }),
  )
    .then((lists) => lists.flat())
    .catch((error: unknown) => {
      subsets = undefined;
      throw error;
    });
  return subsets;
}

const covers = (subset: Subset, codePoint: number) =>
  subset.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

/** The subsets that draw `text`: for each character, the first family's subset whose range holds it. */
export async function subsetsFor(text: string): Promise<Subset[]> {
  const all = await loadSubsets();
  const needed = new Set<Subset>();
  // Latin always: the wordmark, digits and punctuation of every card.
  const latin = all.find((s) => s.family === FAMILIES[0] && s.name === 'latin');
  if (latin) needed.add(latin);
  for (const char of new Set(text)) {
    const codePoint = char.codePointAt(0)!;
    if (/\s/.test(char) || [...needed].some((s) => covers(s, codePoint))) continue;
    const subset = all.find((s) => covers(s, codePoint));
    if (subset) needed.add(subset);
  }
  return [...needed];
}

// File contents are kept for the life of the process: the same Buffer object lets satori reuse its parse.
const files = new Map<string, Promise<Buffer>>();

function fontFile(subset: Subset, weight: number): Promise<Buffer> {
  const file = `${subset.family}-${subset.name.replace(/[[\]]/g, '')}-${weight}-normal.woff`;
  let data = files.get(file);
  if (!data) {
    data = readFile(join(packageDir(subset.family), 'files', file));
    data.catch(() => files.delete(file));
    files.set(file, data);
  }
  return data;
}

/** The table `tag` of a WOFF file, inflated. */
function woffTable(woff: Buffer, tag: string): Buffer | undefined {
  const count = woff.readUInt16BE(12);
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    if (woff.toString('latin1', entry, entry + 4) !== tag) continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const table = woff.subarray(offset, offset + compressed);
    return compressed < length ? inflateSync(table) : table;
  }
  return undefined;
}

const characterSets = new WeakMap<Buffer, Set<number>>();

/**
 * The code points a WOFF font has glyphs for, from its `cmap` (formats 4 and 12, which Noto uses). Unicode
 * ranges are not enough: the CJK slices list code points (some Arabic, say) that the font has no glyph for.
 */
export function charactersOf(woff: Buffer): Set<number> {
  const known = characterSets.get(woff);
  if (known) return known;
  const chars = new Set<number>();
  const cmap = woffTable(woff, 'cmap');
  for (let i = 0; cmap && i < cmap.readUInt16BE(2); i++) {
    const sub = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(sub);
    if (format === 12) {
      for (let g = 0; g < cmap.readUInt32BE(sub + 12); g++) {
        const group = sub + 16 + g * 12;
        const [start, end, glyph] = [0, 4, 8].map((at) => cmap.readUInt32BE(group + at)) as [
          number,
          number,
          number,
        ];
        for (let c = start; c <= end; c++) if (glyph + c - start !== 0) chars.add(c);
      }
    } else if (format === 4) {
      const segments = cmap.readUInt16BE(sub + 6) / 2;
      const ends = sub + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const [end, start, delta, rangeOffset] = [ends, starts, deltas, rangeOffsets].map((at) =>
          cmap.readUInt16BE(at + s * 2),
        ) as [number, number, number, number];
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
          const glyph =
            rangeOffset === 0 ? c + delta : cmap.readUInt16BE(at) && cmap.readUInt16BE(at) + delta;
          if (glyph % 0x10000 !== 0) chars.add(c);
        }
      }
    }
  }
  characterSets.set(woff, chars);
  return chars;
}

// A consonant cluster of Devanagari (consonants joined by virama, each with an optional nukta) and the vowel
// sign I after it.
const DEVANAGARI_I =
  /((?:[\u0915-\u0939\u0958-\u095F]\u093C?\u094D)*[\u0915-\u0939\u0958-\u095F]\u093C?)\u093F/g;
const DEVANAGARI = /[\u0900-\u097F]/;
const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Text as satori must be given it, for two of its habits:
 * - For a character no font given to it has, it fetches one from Google Fonts (emoji from a CDN), sending the
 *   text along: a leak, and a failure on an offline server. So characters our fonts lack are left out.
 * - It lays glyphs out in logical order without Indic shaping, so the vowel sign I (ि), written after its
 *   consonants but drawn before them, would land on the wrong side ("हनि्दी" for "हिन्दी"). It is moved in front
 *   of its cluster; after a space or mark, with a zero-width space between, which keeps it out of that
 *   character's grapheme (satori looks a grapheme up in the font of its first character). Not at the very
 *   start, where satori would then swallow the next space. Conjuncts still show their virama, which readers
 *   recognise, rather than a ligature.
 */
function drawable(text: string, drawn: Set<number>): string {
  return Array.from(text)
    .filter((char) => /\s/.test(char) || drawn.has(char.codePointAt(0)!))
    .join('')
    .replace(DEVANAGARI_I, (_, cluster: string, at: number, whole: string) =>
      at === 0 || DEVANAGARI.test(whole.charAt(at - 1))
        ? `\u093F${cluster}`
        : `${ZERO_WIDTH_SPACE}\u093F${cluster}`,
    );
}

/**
 * The fonts for a card showing `texts`, regular and bold, and the texts as satori must be given them (see
 * `drawable`). The first font (Noto Sans Latin) is the card's own family, `OG_FONT_FAMILY`.
 */
export async function typeset(texts: readonly string[]): Promise<{ texts: string[]; fonts: OgFont[] }> {
  const chosen = await subsetsFor(texts.join(''));
  const fonts = await Promise.all(
    chosen.flatMap((subset) =>
      WEIGHTS.map(async (weight) => ({
        name: `${subset.family}-${subset.name}`,
        data: await fontFile(subset, weight),
        weight,
        style: 'normal' as const,
      })),
    ),
  );
  const drawn = new Set(fonts.filter((f) => f.weight === 400).flatMap((f) => [...charactersOf(f.data)]));
  return { texts: texts.map((text) => drawable(text, drawn)), fonts };
}

export const OG_FONT_FAMILY = `${FAMILIES[0]}-latin`;
