import { describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(`${tmpdir()}/bitext-libre-`);
  process.env.BITEXT_RATE_INFERENCE = '3';
});

import { GET as download } from '@/app/api/libretranslate/download_file/[id]/route';
import { OPTIONS as detectPreflight } from '@/app/api/libretranslate/detect/route';
import { POST as detect } from '@/app/api/libretranslate/detect/route';
import { GET as settings } from '@/app/api/libretranslate/frontend/settings/route';
import { GET as languages } from '@/app/api/libretranslate/languages/route';
import { POST as translateFile } from '@/app/api/libretranslate/translate_file/route';
import { OPTIONS as translatePreflight, POST as translate } from '@/app/api/libretranslate/translate/route';
import { apiKeys } from '@/lib/libretranslate/keys';
import { LIMITS } from '@/lib/limits';
import { transliterate } from '@/scripts/fixtures/translit';
import { fileRequest, formRequest, jsonRequest, params, read } from '../support/libretranslate';

const ru = (text: string) => transliterate('ru', text);
const SENTENCE = 'Lavrov said the talks in Geneva will go on next week.';
const OTHER = 'Moscow is not holding any secret talks about Syria.';

describe('POST /translate', () => {
  it('translates a string from a given source: translatedText, no detectedLanguage', async () => {
    const { status, body } = await read(
      translate(jsonRequest('/translate', { q: SENTENCE, source: 'en', target: 'ru' })),
    );
    expect(status).toBe(200);
    expect(body).toEqual({ translatedText: ru(SENTENCE) });
  });

  it('translates an array item by item, in order', async () => {
    const { body } = await read(
      translate(jsonRequest('/translate', { q: [SENTENCE, OTHER, ''], source: 'en', target: 'ru' })),
    );
    expect(body).toEqual({ translatedText: [ru(SENTENCE), ru(OTHER), ''] });
  });

  it('detects the source for "auto": detectedLanguage with a 0–100 confidence, one per item for arrays', async () => {
    const single = await read(
      translate(jsonRequest('/translate', { q: SENTENCE, source: 'auto', target: 'ru' })),
    );
    expect(single.body.translatedText).toBe(ru(SENTENCE));
    expect(single.body.detectedLanguage.language).toBe('en');
    expect(single.body.detectedLanguage.confidence).toBeGreaterThan(50);
    expect(single.body.detectedLanguage.confidence).toBeLessThanOrEqual(100);

    const many = await read(
      translate(jsonRequest('/translate', { q: [SENTENCE, 'Hi there'], source: 'auto', target: 'hi' })),
    );
    expect(many.body.translatedText).toEqual([
      transliterate('hi', SENTENCE),
      transliterate('hi', 'Hi there'),
    ]);
    // "Hi there" is too short to tell on its own: it takes the language of the request as a whole.
    expect(many.body.detectedLanguage.map((d: { language: string }) => d.language)).toEqual(['en', 'en']);
  });

  it('detects each item of a mixed batch on its own; one already in the target language comes back as it was', async () => {
    const russian = 'Лавров заявил, что переговоры в Женеве продолжатся на следующей неделе.';
    const { body } = await read(
      translate(jsonRequest('/translate', { q: [SENTENCE, russian], source: 'auto', target: 'ru' })),
    );
    expect(body.translatedText).toEqual([ru(SENTENCE), russian]);
    expect(body.detectedLanguage.map((d: { language: string }) => d.language)).toEqual(['en', 'ru']);
  });

  it('keeps the paragraphs of plain text', async () => {
    const { body } = await read(
      translate(jsonRequest('/translate', { q: `${SENTENCE}\n\n${OTHER}`, source: 'en', target: 'ru' })),
    );
    expect(body.translatedText).toBe(`${ru(SENTENCE)}\n\n${ru(OTHER)}`);
  });

  it('accepts form-encoded bodies, as several clients send them', async () => {
    const { status, body } = await read(
      translate(
        formRequest('/translate', {
          q: '<p>Hello <b>world</b></p>',
          source: 'en',
          target: 'ru',
          format: 'html',
        }),
      ),
    );
    expect(status).toBe(200);
    expect(body.translatedText).toBe(`<p>${ru('Hello')} <b>${ru('world')}</b></p>`);
  });

  it('translates html keeping the markup, text as text', async () => {
    const html = '<p>Read <a href="https://example.com">this</a> &amp; that.</p>';
    const asHtml = await read(
      translate(jsonRequest('/translate', { q: html, source: 'en', target: 'ru', format: 'html' })),
    );
    expect(asHtml.body.translatedText).toBe(
      `<p>${ru('Read')} <a href="https://example.com">${ru('this')}</a> &amp; ${ru('that.')}</p>`,
    );
    const asText = await read(
      translate(jsonRequest('/translate', { q: 'a < b & c', source: 'en', target: 'ru', format: 'text' })),
    );
    expect(asText.body.translatedText).toBe(ru('a < b & c'));
  });

  it('spells Chinese as LibreTranslate does: zh-Hans, zh-Hant, and zh for Simplified', async () => {
    for (const target of ['zh', 'zh-Hans', 'zh-Hant']) {
      const { status, body } = await read(
        translate(jsonRequest('/translate', { q: 'Hello.', source: 'en', target })),
      );
      expect(status).toBe(200);
      expect(body.translatedText).toBe(transliterate('zh', 'Hello.'));
    }
  });

  it('answers alternatives with none: greedy decoding has no second choice', async () => {
    const one = await read(
      translate(jsonRequest('/translate', { q: 'Hello.', source: 'en', target: 'ru', alternatives: 3 })),
    );
    expect(one.body).toEqual({ translatedText: ru('Hello.'), alternatives: [] });
    const two = await read(
      translate(jsonRequest('/translate', { q: ['a', 'b'], source: 'en', target: 'ru', alternatives: 2 })),
    );
    expect(two.body.alternatives).toEqual([[], []]);
  });

  it.each([
    ['no q', { source: 'en', target: 'ru' }, /missing q/],
    ['an empty q', { q: '', source: 'en', target: 'ru' }, /missing q/],
    ['no target', { q: 'Hello', source: 'en' }, /missing target/],
    ['q not text', { q: 42, source: 'en', target: 'ru' }, /q/],
    ['an unknown target', { q: 'Hello', source: 'en', target: 'xx' }, /xx.*not supported.*zh-Hans/],
    ['an unknown source', { q: 'Hello', source: 'klingon', target: 'ru' }, /klingon.*not supported/],
    ['a pair with no model', { q: 'Hello', source: 'en', target: 'de' }, /de/],
    ['an unknown format', { q: 'Hello', source: 'en', target: 'ru', format: 'pdf' }, /format/],
    ['text over the limit', { q: 'a'.repeat(LIMITS.articleChars + 1), source: 'en', target: 'ru' }, /limit/],
  ])('%s → 400 { error }', async (_, payload, message) => {
    const { status, body } = await read(translate(jsonRequest('/translate', payload)));
    expect(status).toBe(400);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toMatch(message);
  });

  it('refuses a body that is not JSON or a form with 400', async () => {
    const garbled = new Request('http://127.0.0.1/api/libretranslate/translate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"q": "abc"',
    });
    expect((await read(translate(garbled))).status).toBe(400);
  });

  it('refuses an unknown api_key with 403 and accepts a valid one (keys are optional here)', async () => {
    const bad = await read(
      translate(jsonRequest('/translate', { q: 'Hello', source: 'en', target: 'ru', api_key: 'nope' })),
    );
    expect(bad).toMatchObject({ status: 403, body: { error: expect.stringMatching(/API key/) } });
    const { key } = await apiKeys().create({ name: 'contract', perMinute: 100 });
    const good = await read(
      translate(jsonRequest('/translate', { q: 'Hello', source: 'en', target: 'ru', api_key: key })),
    );
    expect(good).toMatchObject({ status: 200, body: { translatedText: ru('Hello') } });
  });

  it('answers 429 with Retry-After past the per-IP limit; a keyed client has its own budget', async () => {
    const from = (ip: string, extra = {}) =>
      jsonRequest('/translate', { q: 'Hi', source: 'en', target: 'ru', ...extra }, ip);
    for (let i = 0; i < 3; i++) expect((await translate(from('192.0.2.1'))).status).toBe(200);
    const limited = await read(translate(from('192.0.2.1')));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error).toMatch(/too many requests/i);

    // A Mastodon server sends every user's request from one address: its key, not the address, is counted.
    const { key } = await apiKeys().create({ name: 'busy-server', perMinute: 4 });
    for (let i = 0; i < 4; i++)
      expect((await translate(from('192.0.2.1', { api_key: key }))).status).toBe(200);
    const keyLimited = await translate(from('192.0.2.1', { api_key: key }));
    expect(keyLimited.status).toBe(429);
    // A one-minute window: the key's budget is back when the minute that began with its first request ends.
    expect(keyLimited.headers.get('retry-after')).toBe('60');
  });
});

describe('POST /detect', () => {
  it('lists languages best first, confidence 0–100, for JSON and form bodies', async () => {
    for (const request of [
      jsonRequest('/detect', { q: SENTENCE }),
      formRequest('/detect', { q: SENTENCE }),
    ]) {
      const { status, body } = await read(detect(request));
      expect(status).toBe(200);
      expect(body[0]).toEqual({ language: 'en', confidence: expect.any(Number) });
      expect(body[0].confidence).toBeGreaterThan(50);
      for (const [i, d] of body.entries())
        if (i > 0) expect(d.confidence).toBeLessThanOrEqual(body[i - 1].confidence);
    }
  });

  it('answers Chinese in LibreTranslate codes, and 400 without q', async () => {
    const { body } = await read(
      detect(
        jsonRequest('/detect', {
          q: '莫斯科表示，日内瓦的会谈将于下周继续进行，俄罗斯没有进行任何秘密谈判。',
        }),
      ),
    );
    expect(body[0].language).toBe('zh-Hans');
    expect((await read(detect(jsonRequest('/detect', {})))).status).toBe(400);
  });
});

describe('GET /languages and /frontend/settings', () => {
  it('lists every language with its name and targets, zh as an alias of zh-Hans', async () => {
    const { status, body } = await read(languages());
    expect(status).toBe(200);
    const en = body.find((l: { code: string }) => l.code === 'en');
    expect(en).toEqual({
      code: 'en',
      name: 'English',
      targets: expect.arrayContaining(['ru', 'zh-Hans', 'zh-Hant', 'hi', 'zh']),
    });
    expect(Object.keys(en)).toEqual(['code', 'name', 'targets']);
    expect(body.map((l: { code: string }) => l.code)).toEqual(
      expect.arrayContaining(['zh', 'zh-Hans', 'zh-Hant', 'pt', 'hi', 'ru']),
    );
  });

  it('reports the limits and what this server does not do', async () => {
    const { body } = await read(settings());
    expect(body).toMatchObject({
      charLimit: LIMITS.articleChars,
      apiKeys: true,
      keyRequired: false,
      suggestions: false,
      filesTranslation: true,
      supportedFilesFormat: ['.txt', '.html'],
      language: { source: { code: 'auto' }, target: { code: expect.any(String) } },
    });
  });
});

describe('POST /translate_file', () => {
  async function upload(
    file: { name: string; text: string; type?: string },
    fields = { source: 'en', target: 'ru' },
  ) {
    const { status, body } = await read(translateFile(fileRequest(fields, file)));
    expect(status).toBe(200);
    const url = new URL(body.translatedFileUrl);
    const id = url.pathname.split('/').at(-1)!;
    expect(url.pathname).toBe(`/api/libretranslate/download_file/${id}`);
    return { id, response: await download(new Request(url), params(id)) };
  }

  it('translates a .txt file, downloaded from an unguessable address', async () => {
    const { id, response } = await upload({ name: 'notes.txt', text: `${SENTENCE}\n\n${OTHER}\n` });
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="notes.txt"');
    expect(await response.text()).toBe(`${ru(SENTENCE)}\n\n${ru(OTHER)}\n`);
  });

  it('translates an .html file as HTML, keeping its markup', async () => {
    const { response } = await upload(
      {
        name: 'page.html',
        text: '<!DOCTYPE html><html><head><title>News</title></head><body><p>Hello <em>world</em>, the talks in Geneva go on.</p></body></html>',
        type: 'text/html',
      },
      { source: 'auto', target: 'ru' },
    );
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(
      `<!DOCTYPE html><html><head><title>${ru('News')}</title></head><body><p>${ru('Hello')} <em>${ru('world')}</em>${ru(', the talks in Geneva go on.')}</p></body></html>`,
    );
  });

  it.each([
    ['no file', { source: 'en', target: 'ru' }, undefined, /file/],
    ['a format it cannot read', { source: 'en', target: 'ru' }, { name: 'doc.pdf', text: '%PDF' }, /format/],
    ['no target', { source: 'en' }, { name: 'a.txt', text: 'Hello' }, /target/],
    ['an unknown language', { source: 'en', target: 'xx' }, { name: 'a.txt', text: 'Hello' }, /xx/],
  ])('%s → 400 { error }', async (_, fields, file, message) => {
    const { status, body } = await read(translateFile(fileRequest(fields, file)));
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it('answers 404 for an address it never gave out', async () => {
    const { status, body } = await read(
      download(new Request('http://127.0.0.1/x'), params('AAAAAAAAAAAAAAAAAAAAAA')),
    );
    expect(status).toBe(404);
    expect(typeof body.error).toBe('string');
  });
});

describe('CORS, for clients that run in a browser', () => {
  it('answers preflights and lets any origin read answers and errors (keys travel in the body, not cookies)', async () => {
    for (const preflight of [translatePreflight, detectPreflight]) {
      const response = await preflight();
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    }
    const ok = await translate(jsonRequest('/translate', { q: 'Hi', source: 'en', target: 'ru' }));
    const error = await translate(jsonRequest('/translate', { source: 'en', target: 'ru' }));
    for (const response of [ok, error, await languages(), await settings()]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    }
  });
});
