/**
 * A PDF's text layer (pdf.js's positioned runs of text) back into the paragraphs a reader sees: lines in
 * reading order, paragraphs where the line spacing opens up, words hyphenated at a line's end joined, and what
 * a printed page repeats (running headers and footers, page numbers) dropped.
 */

/** One run of text as pdf.js gives it: its string, its baseline's position and its font height. */
export interface PdfTextRun {
  str: string;
  x: number;
  y: number;
  height: number;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

/** Runs that share a baseline (within a third of their height) are one line, read left to right. */
function linesOf(runs: readonly PdfTextRun[]): Line[] {
  const lines: { y: number; height: number; runs: PdfTextRun[] }[] = [];
  for (const run of runs) {
    if (run.str === '') continue;
    const line = lines.find((l) => Math.abs(l.y - run.y) <= Math.max(l.height, run.height) / 3);
    if (line) {
      line.runs.push(run);
      line.height = Math.max(line.height, run.height);
    } else lines.push({ y: run.y, height: run.height, runs: [run] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => ({
      y: line.y,
      height: line.height,
      text: line.runs
        .sort((a, b) => a.x - b.x)
        .map((r) => r.str)
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    }))
    .filter((line) => line.text !== '');
}

const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** Page numbers inside a running header ("Report — page 3") differ from page to page; the rest does not. */
const shapeOf = (text: string) => text.toLowerCase().replace(/\d+/g, '#');
/** How many lines from the top and bottom of a page a running header or footer may take. */
const EDGE_LINES = 2;

/** Drops lines at a page's top or bottom that every page repeats, and bare page numbers there. */
function withoutRunningLines(pages: Line[][]): Line[][] {
  const edges = (lines: Line[]) => [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
  const repeated = new Set<string>();
  if (pages.length > 1) {
    const [first, ...rest] = pages.map((lines) => new Set(edges(lines).map((l) => shapeOf(l.text))));
    for (const shape of first ?? []) if (rest.every((page) => page.has(shape))) repeated.add(shape);
  }
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((l) => !edge.has(l) || !(repeated.has(shapeOf(l.text)) || PAGE_NUMBER.test(l.text)));
  });
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Joins a paragraph's lines: a hyphen before a lower-case continuation was the typesetter's, so it goes. */
function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else if (text.endsWith('-')) text += line;
    else text += ` ${line}`;
  }
  return text;
}

const ENDS_PARAGRAPH = /[.!?…:;"”»)\]]$/;

export function pdfParagraphs(pages: readonly (readonly PdfTextRun[])[]): string[] {
  const laidOut = withoutRunningLines(pages.map(linesOf));
  // A paragraph break is a gap clearly wider than the document's usual line spacing.
  const gaps = laidOut.flatMap((lines) => lines.slice(1).map((line, i) => lines[i]!.y - line.y));
  const spacing = median(gaps.filter((gap) => gap > 0)) ?? Infinity;
  const paragraphs: string[][] = [];
  let current: string[] = [];
  const end = () => {
    if (current.length) paragraphs.push(current);
    current = [];
  };
  for (const lines of laidOut) {
    // A page break ends a paragraph only where its last line ended a sentence.
    if (current.length && ENDS_PARAGRAPH.test(current.at(-1)!)) end();
    lines.forEach((line, i) => {
      const previous = lines[i - 1];
      if (previous && previous.y - line.y > spacing * 1.3) end();
      current.push(line.text);
    });
  }
  end();
  return paragraphs.map(joinLines);
}
