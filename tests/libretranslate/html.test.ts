import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { translateHtml } from '@/lib/libretranslate/html';
import { translateTexts } from '@/lib/libretranslate/translate';
import type { LanguageCode } from '@/lib/langs';
import { transliterate } from '@/scripts/fixtures/translit';
import { configureFixtureModels } from '../support/fixture-models';

const context = configureFixtureModels();
/** The fixture translator for `target`: translit-ru for ru; `tr` is the adversary (see scripts/fixtures). */
const into = (target: LanguageCode) => (texts: string[]) =>
  translateTexts(texts, { source: 'en', target }, context);
const ru = (text: string) => transliterate('ru', text);

async function html(input: string, target: LanguageCode = 'ru'): Promise<string> {
  const [out] = await translateHtml([input], into(target));
  return out!;
}

/** Every element's start tag (name and attributes other than alt/title), sorted: the markup, not the words. */
function markup(input: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${input}</body></html>`);
  return [...document.body.querySelectorAll('*')]
    .map((el) => {
      const attributes = [...el.attributes]
        .filter((a) => a.name !== 'alt' && a.name !== 'title')
        .map((a) => `${a.name}=${a.value}`)
        .sort();
      return [el.tagName.toLowerCase(), ...attributes].join(' ');
    })
    .sort();
}

// A status as Mastodon renders it: a mention, a shortened link, a hashtag, a line break and an emoji.
const MENTION =
  '<span class="h-card" translate="no"><a href="https://mastodon.social/@alice" class="u-url mention">@<span>alice</span></a></span>';
const LINK =
  '<a href="https://example.com/news/today" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/news/to</span><span class="invisible">day</span></a>';
const HASHTAG =
  '<a href="https://mastodon.social/tags/news" class="mention hashtag" rel="tag">#<span>news</span></a>';
const POST = `<p>Hello ${MENTION}, read ${LINK} now.<br>The second line ${HASHTAG} 🎉</p><p>A <strong>bold</strong> and <em>quiet</em> word.</p>`;

describe('translateHtml', () => {
  it('translates a Mastodon post around its mention, link and hashtag, keeping every tag in place', async () => {
    expect(await html(POST)).toBe(
      `<p>${ru('Hello')} ${MENTION}, ${ru('read')} ${LINK} ${ru('now.')}<br>${ru('The second line')} ${HASHTAG} 🎉</p>` +
        `<p>${ru('A')} <strong>${ru('bold')}</strong> ${ru('and')} <em>${ru('quiet')}</em> ${ru('word.')}</p>`,
    );
  });

  it('keeps links inside a sentence, with their attributes, translating the link text', async () => {
    expect(
      await html(
        '<p>Read <a href="https://example.com/a?b=1&amp;c=2" title="The story">the full story</a> here.</p>',
      ),
    ).toBe(
      `<p>${ru('Read')} <a href="https://example.com/a?b=1&amp;c=2" title="${ru('The story')}">${ru('the full story')}</a> ${ru('here.')}</p>`,
    );
  });

  it('never translates code, pre, kbd, script or style, nor attributes other than alt and title', async () => {
    const input =
      '<div class="note" data-label="keep me"><p>Run <code>npm test</code> or press <kbd>Ctrl</kbd> now.</p>' +
      '<pre>keep this text</pre><script>var text = "keep";</script><style>p { color: red }</style>' +
      '<img src="cat.png" alt="A cat" class="photo"></div>';
    expect(await html(input)).toBe(
      `<div class="note" data-label="keep me"><p>${ru('Run')} <code>npm test</code> ${ru('or press')} <kbd>Ctrl</kbd> ${ru('now.')}</p>` +
        '<pre>keep this text</pre><script>var text = "keep";</script><style>p { color: red }</style>' +
        `<img src="cat.png" alt="${ru('A cat')}" class="photo"></div>`,
    );
  });

  it('translates each block of nested markup: lists, headings, table cells', async () => {
    const input =
      '<h2>News</h2><ul><li>First <b>item</b></li><li>Second</li></ul><table><tr><td>Cell</td></tr></table>';
    const out = await html(input);
    expect(out).toContain(`<h2>${ru('News')}</h2>`);
    expect(out).toContain(`<li>${ru('First')} <b>${ru('item')}</b></li><li>${ru('Second')}</li>`);
    expect(out).toContain(`<td>${ru('Cell')}</td>`);
    expect(markup(out)).toEqual(markup(input));
  });

  it('escapes what the text says: markup-shaped text stays text', async () => {
    const out = await html('<p>Type &lt;b&gt; &amp; &lt;1/&gt; to see.</p>');
    expect(out).toBe(`<p>${ru('Type')} &lt;б&gt; &amp; &lt;1/&gt; ${ru('to see.')}</p>`);
  });

  it('keeps the markup when a model loses the markers: each text piece is translated on its own', async () => {
    // The adversary fixture copies letters and markup but drops digits, so every marker comes back broken.
    expect(await html('<p>A <strong>bold</strong> step<br>and <a href="/x">a link</a>.</p>', 'tr')).toBe(
      '<p>A <strong>bold</strong> step<br>and <a href="/x">a link</a>.</p>',
    );
  });

  it('never lets a model write markup: what it emits is text', async () => {
    // The adversary echoes "<script>…</script>" as plain ASCII: it must come out escaped, not as an element.
    const out = await html(
      '<p>&lt;script&gt;alert()&lt;/script&gt; and &lt;img src=x onerror=alert()&gt;</p>',
      'tr',
    );
    expect(out).toBe('<p>&lt;script&gt;alert()&lt;/script&gt; and &lt;img src=x onerror=alert()&gt;</p>');
    expect(markup(out)).toEqual(['p']);
  });

  it('translates a whole document, its title included, and keeps the doctype and head', async () => {
    const [out] = await translateHtml(
      [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Daily news</title></head><body><p>Hello world.</p></body></html>',
      ],
      into('ru'),
      'document',
    );
    expect(out).toBe(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${ru('Daily news')}</title></head><body><p>${ru('Hello world.')}</p></body></html>`,
    );
  });

  it('reads a fragment as a body reads it: stray html/body tags cut nothing off', async () => {
    expect(await html('<p>One</p></body></html><p>Two</p>')).toBe(`<p>${ru('One')}</p><p>${ru('Two')}</p>`);
  });

  it('refuses markup nested deeper than any page, rather than overflowing the stack', async () => {
    await expect(html('<b>'.repeat(30_000) + 'Hello')).rejects.toThrow(/nested more than 256/);
    expect(await html('<b>'.repeat(200) + 'Hello')).toBe(
      `${'<b>'.repeat(200)}${ru('Hello')}${'</b>'.repeat(200)}`,
    );
  });

  it('answers markup with no words unchanged, and several documents in one call', async () => {
    expect(await translateHtml(['<p>🎉</p>', '', '<p>Hi</p>'], into('ru'))).toEqual([
      '<p>🎉</p>',
      '',
      `<p>${ru('Hi')}</p>`,
    ]);
  });

  it('outputs exactly the input markup, whatever the HTML, through a faithful and an adversarial model', async () => {
    const word = fc.constantFrom('news', 'Hello', 'the', 'talks', 'go on', '1', '<', '&', '"', '🎉', ' ');
    const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const node: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text.map(escape),
        fc.constant('<br>'),
        fc.constant(MENTION),
        fc.constant(HASHTAG),
        text.map((t) => `<code>${escape(t)}</code>`),
        fc
          .tuple(
            fc.constantFrom('strong', 'em', 'a', 'span', 'p', 'li', 'div'),
            fc.array(tie('node'), { maxLength: 3 }),
          )
          .map(
            ([tag, children]) => `<${tag}${tag === 'a' ? ' href="/x"' : ''}>${children.join('')}</${tag}>`,
          ),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(
        fc.array(node, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<LanguageCode>('ru', 'tr'),
        async (nodes, target) => {
          const input = nodes.join('');
          const out = await html(input, target);
          expect(markup(out)).toEqual(markup(input));
        },
      ),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
