import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { detectLanguage } from '@/lib/detect';
import { BitextError } from '@/lib/errors';
import { isLanguageCode, UNDETERMINED, type LanguageCode } from '@/lib/langs';
import { LIMITS } from '@/lib/limits';
import { articleLength } from '@/lib/schemas/rules';
import { stripBoilerplate } from '@/lib/text/boilerplate';
import { normalizeText } from '@/lib/text/normalize';

/** What "Import from URL" and "Open a file" fill the workspace with: plain text, never HTML. */
export interface ImportedArticle {
  title: string;
  byline?: string;
  /** The article's paragraphs, separated by blank lines. */
  text: string;
  /** From the page's own markup when it names one of our languages, else detected when confident. */
  language?: LanguageCode;
}

/** A page or file's body as read: plain text, or HTML (anything else is the caller's to refuse). */
export interface ArticleBody {
  type: 'text/plain' | 'text/html' | 'application/xhtml+xml';
  body: string;
}

/**
 * The article in a fetched page ("Import from URL", on the server) or an opened file (in the browser): the same
 * Readability reading, limits and language either way.
 */
export function extractArticle(page: ArticleBody): ImportedArticle {
  const reading = page.type === 'text/plain' ? readPlainText(page.body) : readHtml(page.body);
  if (!reading) throw new BitextError('no_article', 'The page has no readable article.');
  const { title, byline, text, declaredLanguage } = reading;
  const length = articleLength(text);
  if (length > LIMITS.articleChars) {
    throw new BitextError(
      'input_too_large',
      `The article has ${length} characters; at most ${LIMITS.articleChars} can be read at once.`,
      { limit: LIMITS.articleChars },
    );
  }
  const language =
    (declaredLanguage ? languageFromTag(declaredLanguage, text) : undefined) ?? detectedLanguage(text);
  return { title, ...(byline ? { byline } : {}), text, ...(language ? { language } : {}) };
}

interface Reading {
  title: string;
  byline?: string;
  text: string;
  declaredLanguage?: string;
}

/** A text file is its own article; its first line is a headline when it is short enough to be one. */
function readPlainText(body: string): Reading | undefined {
  const text = normalizeText(body);
  if (!text) return undefined;
  const firstLine = text.split('\n', 1)[0] ?? '';
  return { title: firstLine.length <= MAX_TITLE_CHARS ? firstLine : '', text };
}

const MAX_TITLE_CHARS = 200;

/**
 * Readability always picks *something*; on a page with no article (a front page's menu, a login form)
 * that is a few words of furniture. Even a news brief is longer than this.
 */
const MIN_ARTICLE_CHARS = 100;

function readHtml(html: string): Reading | undefined {
  const { document } = parseHTML(html);
  // linkedom makes no <html> for a body with no markup at all, and then cannot be queried.
  if (!document.documentElement) return undefined;
  // Readability rewrites the document, so read what it leaves out first.
  const declaredLanguage =
    document.documentElement.getAttribute('lang')?.trim() ||
    document.querySelector('meta[property="og:locale"]')?.getAttribute('content')?.trim() ||
    undefined;
  const pageTitle = collapse(document.title ?? '');
  const headline = collapse(document.querySelector('h1')?.textContent ?? '');

  const article = findArticle(document);
  if (!article?.content) return undefined;
  const title = withoutSiteName(collapse(article.title ?? '') || pageTitle, headline);
  const byline = collapse(article.byline ?? '') || undefined;
  const paragraphs = blockTexts(article.content).filter((paragraph) => !repeats(paragraph, title, byline));
  // Readability keeps what sits inside the article's container, ad labels and "Related" lists included.
  const { body } = stripBoilerplate(normalizeText(paragraphs.join('\n\n')));
  if (body.length < MIN_ARTICLE_CHARS) return undefined;
  return { title, byline, text: body, declaredLanguage };
}

function findArticle(document: ReturnType<typeof parseHTML>['document']) {
  try {
    // linkedom's Document covers what Readability touches, though its type is not the DOM's.
    return new Readability<Node>(document as unknown as Document, { serializer: (node) => node }).parse();
  } catch {
    // Readability walks whatever markup a site sends; where it trips, there is no article to give.
    return null;
  }
}

/**
 * "Headline — Section" stays whole in Readability when the separator is a dash; the page's own <h1>
 * tells where the headline ends.
 */
function withoutSiteName(title: string, headline: string): string {
  return headline && title !== headline && title.startsWith(headline) ? headline : title;
}

/** Elements that start a new paragraph; everything else flows inline. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'td', 'th', 'tr', 'ul',
]); // prettier-ignore

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The content's text, one string per block, as a browser would lay it out: source line breaks are
 * spaces, <br> is a line break, and a block's edges are paragraph breaks.
 */
function blockTexts(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const endParagraph = () => {
    const paragraph = current
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n');
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      // HTML's white space (not U+00A0, which is meant): runs collapse to one space.
      current += (node.textContent ?? '').replace(/[ \t\n\f\r]+/g, ' ');
    } else if (node.nodeType === ELEMENT_NODE) {
      const tag = (node as Element).localName.toLowerCase();
      if (tag === 'br') current += '\n';
      const block = BLOCKS.has(tag);
      if (block) endParagraph();
      node.childNodes.forEach(visit);
      if (block) endParagraph();
    }
  };
  visit(root);
  endParagraph();
  return paragraphs;
}

/**
 * Readability keeps a headline or byline in the content when it found the title or author elsewhere
 * (in <title> or metadata); they are returned on their own, so the text need not repeat them.
 */
function repeats(paragraph: string, title: string, byline: string | undefined): boolean {
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
  return (
    same(paragraph, title) ||
    (!!byline && same(paragraph.replace(/^by\s+/i, ''), byline.replace(/^by\s+/i, '')))
  );
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Maps a page's language tag ("ru-RU", og:locale's "pt_BR", "zh-TW") to our code, or undefined when
 * the language is not one of ours. Chinese is split by script: the tag's script or region decides,
 * and a bare "zh" is settled by the characters themselves.
 */
function languageFromTag(tag: string, text: string): LanguageCode | undefined {
  const [base = '', ...subtags] = tag.replace(/_/g, '-').toLowerCase().split('-');
  if (base === 'zh') {
    if (subtags.some((s) => ['hant', 'tw', 'hk', 'mo'].includes(s))) return 'zh-Hant';
    if (subtags.some((s) => ['hans', 'cn', 'sg', 'my'].includes(s))) return 'zh-Hans';
    return detectLanguage(text).language === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
  }
  return isLanguageCode(base) ? base : undefined;
}

function detectedLanguage(text: string): LanguageCode | undefined {
  const { language } = detectLanguage(text);
  return language === UNDETERMINED ? undefined : language;
}
