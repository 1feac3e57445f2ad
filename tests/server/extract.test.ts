import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/limits';
import { importArticle } from '@/lib/server/extract-article';
import type { FetchPageOptions } from '@/lib/server/fetch-page';
import { readArticle } from '../support/fixture-models';
import { failure } from '../support/bitext-error';
import { page, startPageServer, type PageServer } from './page-server';

/** The pages are served from 127.0.0.1, so the private-address guard is off (as BITEXT_ALLOW_PRIVATE_URLS=1). */
const local: FetchPageOptions = { allowAddress: () => true };

function readPage(name: string): string {
  return readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');
}

/** Encodes text in a legacy single-byte charset, using TextDecoder's own table read backwards. */
function encodeLegacy(text: string, label: string): Buffer {
  const decoder = new TextDecoder(label);
  const bytes = new Map<string, number>();
  for (let byte = 255; byte >= 0; byte--) bytes.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((char) => {
      const byte = bytes.get(char);
      if (byte === undefined) throw new Error(`"${char}" has no ${label} byte`);
      return byte;
    }),
  );
}

function htmlPage(paragraphs: string[], head = '', htmlAttributes = ''): string {
  return `<!DOCTYPE html><html${htmlAttributes}><head>${head}</head><body><article>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('\n')}</article></body></html>`;
}

const GERMAN = [
  'Die Europäische Zentralbank hat den Leitzins am Donnerstag unverändert gelassen. Die Währungshüter begründeten die Entscheidung mit der weiterhin hohen Inflation im Euroraum.',
  '»Wir sind noch nicht am Ziel«, sagte die Präsidentin der Notenbank nach der Sitzung in Frankfurt. Die Preise für Dienstleistungen stiegen zuletzt stärker als erwartet.',
  'Ökonomen rechnen frühestens im Sommer mit einer Zinssenkung. Größere Schritte seien vorerst nicht zu erwarten, hieß es aus Kreisen des Rates.',
];

const zhSample = readArticle('zh-sample.txt');
const hiSample = readArticle('hi-sample.txt');
const [zhHeadline = '', zhBody = ''] = zhSample.split(/\n\s*\n/);

let server: PageServer;

beforeAll(async () => {
  const ruNews = readPage('ru-news.html');
  server = await startPageServer({
    '/news/lavrov': page(readPage('en-news.html')),
    '/ru/economy': page(ruNews),
    '/ru/cp1251': page(encodeLegacy(ruNews.replace('utf-8', 'windows-1251'), 'windows-1251'), 'text/html; charset=windows-1251'),
    // Only the <meta> names the charset, as on many older sites; the header says nothing.
    '/de/latin1': page(
      encodeLegacy(htmlPage(GERMAN, '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Leitzins</title>'), 'iso-8859-1'),
      'text/html',
    ),
    '/zh': page(htmlPage([zhBody], `<title>${zhHeadline}</title>`, ' lang="zh"')),
    '/zh-tw': page(htmlPage([zhBody], `<meta property="og:locale" content="zh_TW"><title>${zhHeadline}</title>`)),
    '/hi': page(htmlPage(hiSample.split(/\n\s*\n/).slice(1), '<title>समाचार</title>')),
    '/seed.txt': page(readArticle('en-sana-lavrov.txt'), 'text/plain; charset=utf-8'),
    '/menu': page('<html><head><title>Home</title></head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav><footer>© 2024</footer></body></html>'),
    '/empty': page(''),
    '/too-long': page(htmlPage(Array.from({ length: 1_100 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(19)}`))),
  }); // prettier-ignore
});

afterAll(() => server?.close());

describe('a news page', () => {
  it('gives the headline, the byline and the article paragraphs as plain text', async () => {
    const article = await importArticle(`${server.origin}/news/lavrov`, local);
    expect(article.title).toBe('Lavrov: Russia isn’t conducting any secret negotiations about Syria');
    expect(article.byline).toBe('Hazem Sabbagh');
    expect(article.language).toBe('en');

    const paragraphs = article.text.split('\n\n');
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs[0]).toMatch(/^Moscow, SANA – Russian Foreign Minister Sergey Lavrov affirmed/);
    expect(paragraphs[5]).toBe(
      'The Russian Minister said that Turkey is still carrying out aggression against Syria in various ways, voicing concern over the European Union’s lack of reaction to that.',
    );
    // Typographic quotes and apostrophes come through as typed.
    expect(paragraphs[6]).toContain('“safe zones,” stressing');
    expect(paragraphs.every((p) => !p.includes('\n'))).toBe(true);
  });

  it('leaves out the page around the article: menus, ads, share buttons, related links, cookie banner, footer', async () => {
    const { text } = await importArticle(`${server.origin}/news/lavrov`, local);
    for (const furniture of [
      'Politics', 'Search', 'Advertisement', 'Facebook', 'Print', 'Most read', 'Check Also', 'UNESCO',
      'Leave a Reply', 'cookies', 'Privacy policy', 'Tags:', '©', 'Hazem Sabbagh', 'secret negotiations about Syria\n',
    ]) expect(text, furniture).not.toContain(furniture); // prettier-ignore
    expect(text).not.toMatch(/<[a-z/]/i);
    expect(text).not.toContain('dataLayer');
  });
});

describe('languages and charsets', () => {
  it('takes the language from <html lang> and drops the section from the title', async () => {
    const article = await importArticle(`${server.origin}/ru/economy`, local);
    expect(article).toMatchObject({
      title: 'Банк России сохранил ключевую ставку на уровне 16%',
      language: 'ru',
    });
    expect(article.text).toMatch(/^Совет директоров Банка России в пятницу/);
    expect(article.text).toContain('жёсткая денежно-кредитная политика');
    expect(article.text).not.toContain('Читайте также');
  });

  it('decodes windows-1251 named in the Content-Type header', async () => {
    const utf8 = await importArticle(`${server.origin}/ru/economy`, local);
    const cp1251 = await importArticle(`${server.origin}/ru/cp1251`, local);
    expect(cp1251).toEqual(utf8);
  });

  it('decodes ISO-8859-1 named only in a <meta>, and detects the language when the page does not say', async () => {
    const article = await importArticle(`${server.origin}/de/latin1`, local);
    expect(article.title).toBe('Leitzins');
    expect(article.text).toBe(GERMAN.join('\n\n'));
    expect(article.language).toBe('de');
  });

  it('tells Simplified from Traditional Chinese by og:locale, or by the characters for a bare "zh"', async () => {
    expect((await importArticle(`${server.origin}/zh`, local)).language).toBe('zh-Hans');
    expect((await importArticle(`${server.origin}/zh-tw`, local)).language).toBe('zh-Hant');
  });

  it('detects Hindi in a page without a language tag', async () => {
    const article = await importArticle(`${server.origin}/hi`, local);
    expect(article.language).toBe('hi');
    expect(article.text).toMatch(/\p{Script=Devanagari}/u);
  });

  it('passes plain text through, its first line as the title', async () => {
    const article = await importArticle(`${server.origin}/seed.txt`, local);
    expect(article.title).toBe('Lavrov: Russia isn’t’ conducting any secret negotiations about Syria');
    expect(article.text).toBe(readArticle('en-sana-lavrov.txt').trim());
    expect(article.language).toBe('en');
  });
});

describe('pages without an article', () => {
  it.each(['/menu', '/empty'])('%s: no article found, not "not HTML" (422 no_article)', async (path) => {
    const error = await failure(importArticle(`${server.origin}${path}`, local));
    expect(error).toMatchObject({ code: 'no_article', status: 422 });
    expect(error.message).toContain('no readable article');
  });

  it(`refuses an article over ${LIMITS.articleChars} characters (413)`, async () => {
    const error = await failure(importArticle(`${server.origin}/too-long`, local));
    expect(error).toMatchObject({ code: 'input_too_large', status: 413 });
    expect(error.message).toContain(String(LIMITS.articleChars));
  });
});
