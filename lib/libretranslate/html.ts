/**
 * HTML that stays HTML: the text of each passage is translated as one piece, with its inline markup as
 * numbered markers (`<1>…</1>` around a link, `<2/>` for a line break or a mention), so a sentence is
 * translated as a sentence and its links land where the translation puts them. The translation is read
 * back by the markers alone: what lies between them is text, whatever it looks like, so a model can never
 * add markup. When a model loses, adds or misnests a marker, that passage falls back to translating each
 * of its text pieces on its own, in the original structure.
 */
import { parseHTML } from 'linkedom';
import { BitextError } from '@/lib/errors';

export type TranslateTexts = (texts: string[]) => Promise<string[]>;

type Document = ReturnType<typeof parseHTML>['document'];
type Node = Document['body']['firstChild'] & object;
type Element = Document['body'];

/** Never translated, never entered: their text is code, data or a different markup language. */
const OPAQUE = new Set([
  'canvas',
  'code',
  'iframe',
  'kbd',
  'math',
  'noscript',
  'object',
  'pre',
  'samp',
  'script',
  'style',
  'svg',
  'template',
  'textarea',
]);
/** Of those, the ones that sit inside a line of text (kept in place as a marker). */
const OPAQUE_BLOCKS = new Set(['pre', 'template']);
/** Phrasing elements whose text belongs to the sentence around them: paired markers. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);
/** Empty phrasing elements: a self-closing marker where they stand. */
const VOID_INLINE = new Set(['br', 'img', 'input', 'wbr']);
const TRANSLATED_ATTRIBUTES = ['alt', 'title'] as const;

// Emoji (with skin tones, joiners and flags) pass through untouched: models drop or garble them.
const EMOJI =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:[\p{Emoji_Modifier}\uFE0F\u20E3]|\u200D(?:\p{Extended_Pictographic}|\p{Regional_Indicator}))*/gu;
const MARKER = /<(\/?)(\d{1,4})(\/?)>/g;
const LETTER = /\p{L}/u;
/** HTML's whitespace, which a browser collapses; a no-break space is not among it. */
const SPACES = /[ \t\n\f\r]+/gu;

const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const ELEMENT_NODE = 1;

type Token =
  | { type: 'text'; text: string }
  | { type: 'open'; id: number }
  | { type: 'close'; id: number }
  | { type: 'atom'; id: number };

interface Part {
  /** `pair`: an inline element, cloned around its translated content; `atom`: kept exactly as it was. */
  kind: 'pair' | 'atom';
  content: Node | string;
  /** The pair this part sits in (null: the passage itself); a translation must keep it there. */
  parent: number | null;
}

/** A run of sibling nodes that reads as one passage: a paragraph's content, a list item's, a title. */
interface Passage {
  parent: Element;
  nodes: Node[];
  tokens: Token[];
  parts: Map<number, Part>;
}

const tagOf = (node: Node) => (node as Element).localName?.toLowerCase() ?? '';

function declinesTranslation(element: Element): boolean {
  return element.getAttribute('translate') === 'no' || element.classList.contains('notranslate');
}

/**
 * Kept as it is inside a translated sentence: marked "do not translate", a Mastodon mention or hashtag
 * (`class="mention"`, `u-url`), or a link whose text is a handle, a tag or an address.
 */
function isVerbatim(element: Element): boolean {
  if (declinesTranslation(element)) return true;
  const classes = element.classList;
  if (classes.contains('mention') || classes.contains('hashtag') || classes.contains('u-url')) return true;
  if (tagOf(element) !== 'a') return false;
  const text = element.textContent.trim();
  return /^[@#]\S+$/u.test(text) || /^\S*(?:\/\/|www\.)\S*$/u.test(text);
}

/** Whether `node` belongs inside a line of text, as opposed to being a block of its own. */
function isPhrasing(node: Node): boolean {
  if (node.nodeType === TEXT_NODE || node.nodeType === COMMENT_NODE) return true;
  if (node.nodeType !== ELEMENT_NODE) return false;
  const tag = tagOf(node);
  if (VOID_INLINE.has(tag) || (OPAQUE.has(tag) && !OPAQUE_BLOCKS.has(tag))) return true;
  if (!INLINE.has(tag)) return false;
  // An inline element wrapping blocks (a link around a whole card) is walked as a container instead.
  return isVerbatim(node as Element) || [...node.childNodes].every((child) => isPhrasing(child as Node));
}

function tokenize(nodes: readonly Node[], parts: Map<number, Part>, parent: number | null, tokens: Token[]) {
  const atom = (content: Node | string) => {
    const id = parts.size + 1;
    parts.set(id, { kind: 'atom', content, parent });
    tokens.push({ type: 'atom', id });
  };
  for (const node of nodes) {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      let last = 0;
      for (const match of text.matchAll(EMOJI)) {
        if (match.index > last) tokens.push({ type: 'text', text: text.slice(last, match.index) });
        atom(match[0]);
        last = match.index + match[0].length;
      }
      if (last < text.length) tokens.push({ type: 'text', text: text.slice(last) });
    } else if (node.nodeType === ELEMENT_NODE && INLINE.has(tagOf(node)) && !isVerbatim(node as Element)) {
      const id = parts.size + 1;
      parts.set(id, { kind: 'pair', content: node, parent });
      tokens.push({ type: 'open', id });
      tokenize([...node.childNodes] as Node[], parts, id, tokens);
      tokens.push({ type: 'close', id });
    } else {
      atom(node);
    }
  }
}

function collectPassages(container: Element, passages: Passage[]): void {
  if (OPAQUE.has(tagOf(container as Node)) || declinesTranslation(container)) return;
  let run: Node[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const parts = new Map<number, Part>();
    const tokens: Token[] = [];
    tokenize(run, parts, null, tokens);
    if (tokens.some((t) => t.type === 'text' && LETTER.test(t.text))) {
      passages.push({ parent: container, nodes: run, tokens, parts });
    }
    run = [];
  };
  for (const child of [...container.childNodes] as Node[]) {
    if (isPhrasing(child)) {
      run.push(child);
    } else {
      flush();
      if (child.nodeType === ELEMENT_NODE) collectPassages(child as Element, passages);
    }
  }
  flush();
}

/** alt and title are the only attributes that are prose; verbatim and opaque elements keep theirs. */
function collectAttributes(element: Element, found: { element: Element; name: string; value: string }[]) {
  if (OPAQUE.has(tagOf(element as Node)) || isVerbatim(element)) return;
  for (const name of TRANSLATED_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && LETTER.test(value)) found.push({ element, name, value });
  }
  for (const child of element.children) collectAttributes(child as Element, found);
}

/** The passage as one text for the model: whitespace collapsed as a browser shows it, markup as markers. */
function markedText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'text':
          return t.text.replace(SPACES, ' ');
        case 'open':
          return `<${t.id}>`;
        case 'close':
          return `</${t.id}>`;
        case 'atom':
          return `<${t.id}/>`;
        default:
          return t satisfies never;
      }
    })
    .join('');
}

/**
 * Reads a translation back into tokens: only the passage's own markers count, each exactly once, each in
 * the pair it was in; everything else is text. `undefined` when the markers did not survive.
 */
function readTranslation(translation: string, parts: ReadonlyMap<number, Part>): Token[] | undefined {
  const tokens: Token[] = [];
  const open: number[] = [];
  const seen = new Set<number>();
  let last = 0;
  for (const match of translation.matchAll(MARKER)) {
    if (match.index > last) tokens.push({ type: 'text', text: translation.slice(last, match.index) });
    last = match.index + match[0].length;
    const [, closing, digits, selfClosing] = match;
    const id = Number(digits);
    const part = parts.get(id);
    const inPlace = part !== undefined && !seen.has(id) && part.parent === (open.at(-1) ?? null);
    if (closing && !selfClosing) {
      if (open.pop() !== id) return undefined;
      tokens.push({ type: 'close', id });
    } else if (!closing && inPlace && (selfClosing ? part.kind === 'atom' : part.kind === 'pair')) {
      seen.add(id);
      if (selfClosing) {
        tokens.push({ type: 'atom', id });
      } else {
        open.push(id);
        tokens.push({ type: 'open', id });
      }
    } else {
      return undefined;
    }
  }
  if (last < translation.length) tokens.push({ type: 'text', text: translation.slice(last) });
  return open.length === 0 && seen.size === parts.size ? tokens : undefined;
}

/**
 * Sentences are joined with a space, and a `<br>` often ends one: whitespace at a line break shows as
 * nothing, so it is dropped rather than left as a stray space on either side.
 */
function tidyLineBreaks(tokens: Token[], parts: ReadonlyMap<number, Part>): Token[] {
  const isBreak = (t: Token | undefined) => {
    const content = t?.type === 'atom' ? parts.get(t.id)?.content : undefined;
    return typeof content === 'object' && tagOf(content) === 'br';
  };
  return tokens.map((t, i) =>
    t.type !== 'text'
      ? t
      : {
          type: 'text',
          text: t.text
            .replace(isBreak(tokens[i - 1]) ? /^\s+/u : /^/u, '')
            .replace(isBreak(tokens[i + 1]) ? /\s+$/u : /$/u, ''),
        },
  );
}

/** Replaces the passage's nodes with `tokens` built into nodes: clones of its pairs, its atoms as they were. */
function rebuild(passage: Passage, tokens: readonly Token[]): void {
  const { parent, nodes, parts } = passage;
  const document = parent.ownerDocument;
  const anchor = document.createTextNode('');
  parent.insertBefore(anchor, nodes[0]!);
  const root = document.createDocumentFragment();
  const stack: { appendChild(node: Node): unknown }[] = [root];
  for (const token of tokens) {
    const current = stack.at(-1)!;
    if (token.type === 'text') {
      if (token.text) current.appendChild(document.createTextNode(token.text));
    } else if (token.type === 'open') {
      const clone = (parts.get(token.id)!.content as Node).cloneNode(false) as Node;
      current.appendChild(clone);
      stack.push(clone);
    } else if (token.type === 'close') {
      stack.pop();
    } else {
      const { content } = parts.get(token.id)!;
      current.appendChild(typeof content === 'string' ? document.createTextNode(content) : content);
    }
  }
  for (const node of nodes) if (node.parentNode === parent) parent.removeChild(node);
  parent.insertBefore(root, anchor);
  parent.removeChild(anchor);
}

/** `text` with its core replaced and its surrounding whitespace kept. */
function around(text: string, core: string): string {
  return `${/^\s*/u.exec(text)![0]}${core}${/\s*$/u.exec(text)![0]}`;
}

interface Parsed {
  root: Element;
  serialize: () => string;
}

/**
 * linkedom writes attribute values raw in HTML (quotes aside), so a value holding "&lt;" would read back
 * as "<": escaping each & just before serialising writes every value as it was.
 */
function escapeAttributes(root: Element): void {
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      if (attribute.value.includes('&')) attribute.value = attribute.value.replaceAll('&', '&amp;');
    }
  }
}

/** Deeper than any real page; the walks below recurse, so what lies beyond is refused, not overflowed. */
const MAX_DEPTH = 256;

function checkDepth(root: Element): void {
  const stack: [Element, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry;
    if (depth > MAX_DEPTH) {
      throw new BitextError(
        'bad_request',
        `Invalid request: HTML nested more than ${MAX_DEPTH} elements deep`,
      );
    }
    for (const child of element.children) stack.push([child as Element, depth + 1]);
  }
}

// A fragment is read as a body's content, where these tags mean nothing (a browser ignores them there).
const DOCUMENT_TAGS = /<\/?(?:html|head|body)(?:\s[^>]*)?>/giu;

function parse(html: string, mode: 'fragment' | 'document'): Parsed {
  let root: Element | null = null;
  let serialize = () => '';
  if (mode === 'document') {
    const { document } = parseHTML(html);
    // linkedom makes no <html> for input with no markup at all; that is a fragment, then.
    root = document.documentElement;
    serialize = () => document.toString();
  }
  if (!root) {
    // parseHTML, not innerHTML: linkedom's innerHTML recurses, and deep markup would overflow the stack.
    const { document } = parseHTML(
      `<!doctype html><html><head></head><body>${html.replace(DOCUMENT_TAGS, '')}</body></html>`,
    );
    root = document.body;
    serialize = () => document.body.innerHTML;
  }
  checkDepth(root);
  const element = root;
  return { root, serialize: () => (escapeAttributes(element), serialize()) };
}

/** The prose of an HTML text, as detection should read it: no markup, no code, no handles or links. */
export function htmlText(html: string): string {
  const passages: Passage[] = [];
  collectPassages(parse(html, 'fragment').root, passages);
  return passages
    .map((p) => p.tokens.map((t) => (t.type === 'text' ? t.text : ' ')).join(''))
    .join('\n')
    .replace(/[^\S\n]+/gu, ' ');
}

/**
 * Translates HTML texts (fragments such as a Mastodon status, or whole documents), keeping every tag
 * and attribute: `translate` gets every passage of every text in one call (and one more for passages
 * whose markers broke), so the pipeline batches them together.
 */
export async function translateHtml(
  htmls: readonly string[],
  translate: TranslateTexts,
  mode: 'fragment' | 'document' = 'fragment',
): Promise<string[]> {
  const parsed = htmls.map((html) => parse(html, mode));
  const passages = parsed.map(({ root }) => {
    const found: Passage[] = [];
    collectPassages(root, found);
    return found;
  });
  const attributes = parsed.flatMap(({ root }) => {
    const found: { element: Element; name: string; value: string }[] = [];
    collectAttributes(root, found);
    return found;
  });

  // Text that already reads like a marker would be mistaken for one: those passages go piece by piece.
  const marked = passages.flat().map((passage) => {
    const text = markedText(passage.tokens);
    const clean = !passage.tokens.some((t) => t.type === 'text' && new RegExp(MARKER.source).test(t.text));
    return { passage, text, clean };
  });
  const whole = marked.filter((m) => m.clean);
  const translated = await translate([
    ...whole.map((m) => m.text.trim()),
    ...attributes.map((a) => a.value.trim()),
  ]);
  attributes.forEach(({ element, name, value }, i) => {
    element.setAttribute(name, around(value, translated[whole.length + i] ?? value));
  });

  const broken: Passage[] = marked.filter((m) => !m.clean).map((m) => m.passage);
  whole.forEach(({ passage, text }, i) => {
    const tokens = readTranslation(translated[i] ?? '', passage.parts);
    if (!tokens) return broken.push(passage);

    const edges = around(text, '\0').split('\0');
    rebuild(passage, [
      { type: 'text', text: edges[0]! },
      ...tidyLineBreaks(tokens, passage.parts),
      { type: 'text', text: edges[1]! },
    ]);
  });

  const pieces = broken.flatMap((passage) =>
    passage.tokens.flatMap((token, index) =>
      token.type === 'text' && LETTER.test(token.text) ? [{ passage, index, text: token.text }] : [],
    ),
  );
  const pieceTranslations = pieces.length
    ? await translate(pieces.map((p) => p.text.replace(SPACES, ' ').trim()))
    : [];
  pieces.forEach(({ passage, index, text }, i) => {
    passage.tokens[index] = { type: 'text', text: around(text, pieceTranslations[i] ?? '') };
  });
  for (const passage of broken) rebuild(passage, passage.tokens);

  return parsed.map(({ serialize }) => serialize());
}
