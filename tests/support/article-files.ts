/**
 * Real documents made at test time from an article's text (its paragraphs separated by blank lines), with the
 * libraries people's own tools write them with: a PDF (pdf-lib) laid out as a printed article — two pages, a
 * running header, page numbers, words hyphenated at line ends —, a Word file (docx), and a news page's HTML.
 */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export const RUNNING_HEADER = 'SANA — Syrian Arab News Agency';

const paragraphsOf = (text: string) =>
  text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim());

/** Words wrapped to `width`; a long word that does not fit is hyphenated, as typesetting does. */
function wrap(paragraph: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    // Break a long word where the rest of the line has room for at least four letters and a hyphen.
    let cut = word.length - 4;
    while (cut >= 4 && measure(`${line} ${word.slice(0, cut)}-`) > width) cut--;
    if (/^\p{L}+$/u.test(word) && cut >= 4) {
      lines.push(`${line} ${word.slice(0, cut)}-`);
      line = word.slice(cut);
    } else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function articlePdf(text: string, { objectStreams = true } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 11;
  const paragraphs = paragraphsOf(text);
  // Half the paragraphs on each page, so both pages carry body text under the same header.
  const half = Math.ceil(paragraphs.length / 2);
  const pages = [paragraphs.slice(0, half), paragraphs.slice(half)];
  pages.forEach((body, index) => {
    const page = pdf.addPage([595, 842]);
    page.drawText(RUNNING_HEADER, { x: 50, y: 800, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
    page.drawText(String(index + 1), { x: 292, y: 40, size: 9, font });
    let y = 760;
    for (const paragraph of body) {
      for (const line of wrap(paragraph, 495, (s) => font.widthOfTextAtSize(s, size))) {
        page.drawText(line, { x: 50, y, size, font });
        y -= size * 1.4;
      }
      y -= size * 0.9;
    }
  });
  return pdf.save({ useObjectStreams: objectStreams });
}

/**
 * The article's PDF locked with a password. pdf-lib writes no encryption, so an incremental update (as PDF
 * editors append) adds a standard security handler (RC4, 40-bit, an unknown user password) to the trailer;
 * pdf.js, like any reader, then asks for the password before reading on.
 */
export async function encryptedPdf(text: string): Promise<Uint8Array> {
  const source = new TextDecoder('latin1').decode(await articlePdf(text, { objectStreams: false }));
  const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(source)?.[1];
  const size = Number(/\/Size (\d+)/.exec(source)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(source)?.[1];
  const fileId = '<00112233445566778899aabbccddeeff>';
  let out = `${source}\n`;
  const offset = out.length;
  out += `${size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <${'28'.repeat(32)}> /U <${'4e'.repeat(32)}> /P -44 >>\nendobj\n`;
  const xref = out.length;
  out += `xref\n${size} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${size + 1} /Root ${root} /Prev ${previous} /Encrypt ${size} 0 R /ID [${fileId} ${fileId}] >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** A page with no text at all, as a scanner makes one: only a picture of the page. */
export async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 495, height: 742, color: rgb(0.9, 0.9, 0.85) });
  return pdf.save();
}

export async function articleDocx(text: string): Promise<Uint8Array> {
  const [title = '', ...body] = paragraphsOf(text);
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          ...body.map((paragraph) => new Paragraph(paragraph)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function articleHtml(text: string): string {
  const [title = '', ...body] = paragraphsOf(text);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} - SANA</title></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/world">World</a></nav>
<article><h1>${escapeHtml(title)}</h1>
${body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article><footer>© SANA. All rights reserved. <a href="/contact">Contact</a></footer></body></html>`;
}
