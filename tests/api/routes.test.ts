import { describe, expect, it, vi } from 'vitest';

// The server engine reads its environment once, on first use: set the fixtures profile before any import.
vi.hoisted(() => {
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
});

import { GET as health } from '@/app/api/v1/health/route';
import { GET as languages } from '@/app/api/v1/languages/route';
import { POST as detect } from '@/app/api/v1/detect/route';
import { POST as summarize } from '@/app/api/v1/summarize/route';
import { POST as translate } from '@/app/api/v1/translate/route';
import { LIMITS } from '@/lib/limits';
import { readArticle, scriptShare } from '../support/fixture-models';
import { postRequest } from '../support/requests';

const seed = readArticle('en-sana-lavrov.txt');

function post(body: unknown, contentType = 'application/json'): Request {
  return postRequest('http://127.0.0.1/api', body, { 'content-type': contentType });
}

async function json(response: Response | Promise<Response>) {
  const r = await response;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are JSON, asserted field by field
  return { status: r.status, body: (await r.json()) as Record<string, any> };
}

describe('GET /api/v1/health and /languages', () => {
  it('reports ok with the version, the embedded role and its dependencies', async () => {
    expect(await json(health())).toEqual({
      status: 200,
      body: {
        status: 'ok',
        version: '0.1.0',
        role: 'embedded',
        store: 'ok',
        queue: 'ok',
        engines: { store: 'sqlite', queue: 'in-process' },
      },
    });
  });

  it('lists languages with names, direction and what each translates into', async () => {
    const { body } = await json(languages());
    const en = body.languages.find((l: { code: string }) => l.code === 'en');
    expect(en).toMatchObject({ name: 'English', nativeName: 'English', dir: 'ltr' });
    expect(en.targets).toEqual(expect.arrayContaining(['ru', 'zh-Hans', 'hi']));
    expect(body.languages.find((l: { code: string }) => l.code === 'ar').dir).toBe('rtl');
  });
});

describe('POST /api/v1/detect', () => {
  it('detects the seed article as English', async () => {
    const { status, body } = await json(detect(post({ text: seed })));
    expect(status).toBe(200);
    expect(body.language).toBe('en');
    expect(body.confidence).toBeGreaterThan(0.5);
    expect(Array.isArray(body.alternatives)).toBe(true);
  });
});

describe('POST /api/v1/summarize', () => {
  it('gives an extractive summary by default, each sentence tied to its source', async () => {
    const { status, body } = await json(summarize(post({ text: seed })));
    expect(status).toBe(200);
    expect(body).toMatchObject({ language: 'en', mode: 'extractive' });
    expect(body.sentences).toHaveLength(2);
    for (const s of body.sentences) expect(s.sources.length).toBeGreaterThan(0);
  });

  it('gives an abstractive summary from the summariser model', async () => {
    const { status, body } = await json(
      summarize(post({ text: seed, mode: 'abstractive', type: 'headline' })),
    );
    expect(status).toBe(200);
    expect(body.model).toBe('bitext-fixtures/upper');
    // The fixture summariser upper-cases its input: the headline is the article's first sentence.
    expect(body.summary).toMatch(/^LAVROV: RUSSIA ISN/);
  });
});

describe('POST /api/v1/translate', () => {
  it('translates text into Cyrillic with sentence segments', async () => {
    const { status, body } = await json(
      translate(post({ text: 'Moscow, SANA. Lavrov said so.', source: 'en', target: 'ru' })),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ source: 'en', target: 'ru', model: 'bitext-fixtures/translit-ru' });
    expect(body.segments).toEqual([
      { source: 'Moscow, SANA.', target: 'Мосцов, САНА.' },
      { source: 'Lavrov said so.', target: 'Лавров саид со.' },
    ]);
    expect(body.translation).toBe('Мосцов, САНА. Лавров саид со.');
  });

  it('translates given segments one-to-one', async () => {
    const { body } = await json(
      translate(post({ segments: ['Hello', 'world'], source: 'en', target: 'hi' })),
    );
    expect(body.segments).toHaveLength(2);
    expect(scriptShare(body.translation, 'Devanagari')).toBe(1);
  });
});

describe('the seed article through the HTTP endpoints', () => {
  it('summary and article translated into Cyrillic, CJK and Devanagari, every sentence accounted for', async () => {
    const { body: summary } = await json(summarize(post({ text: seed })));
    const { body: article } = await json(translate(post({ text: seed, target: 'ru' })));
    // /translate translates the text as given (nothing stripped), sentence by sentence.
    expect(article.segments.map((s: { source: string }) => s.source).join(' ')).toContain('Hazem Sabbagh');
    expect(scriptShare(article.translation, 'Cyrillic')).toBeGreaterThan(0.9);
    for (const [target, script] of [
      ['ru', 'Cyrillic'],
      ['zh-Hans', 'Han'],
      ['hi', 'Devanagari'],
    ] as const) {
      const segments = summary.sentences.map((s: { text: string }) => s.text);
      const { status, body } = await json(translate(post({ segments, source: 'en', target })));
      expect(status).toBe(200);
      expect(body.segments).toHaveLength(segments.length);
      for (const s of body.segments) expect(scriptShare(s.target, script)).toBeGreaterThan(0.9);
    }
  });
});

describe('errors', () => {
  it.each([
    ['malformed JSON', () => detect(post('{"text": '))],
    ['wrong content type', () => detect(post({ text: 'hello' }, 'text/plain'))],
    ['empty text', () => detect(post({ text: '   ' }))],
    ['wrong type', () => summarize(post({ text: 42 }))],
    ['unknown field', () => translate(post({ text: 'hi', target: 'ru', extra: 1 }))],
    ['both text and segments', () => translate(post({ text: 'a', segments: ['b'], target: 'ru' }))],
    ['malformed language code', () => translate(post({ text: 'Hello there.', target: 'RU!' }))],
  ])('%s → 400 bad_request', async (_, call) => {
    const { status, body } = await json(call());
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toBeTruthy();
  });

  it('over-long text → 413 input_too_large naming the limit', async () => {
    const { status, body } = await json(detect(post({ text: 'a'.repeat(LIMITS.articleChars + 1) })));
    expect(status).toBe(413);
    expect(body.error.code).toBe('input_too_large');
    expect(body.error.message).toContain(String(LIMITS.articleChars));
  });

  it('unknown language or unsupported pair → 422 unsupported_language', async () => {
    for (const request of [
      { text: 'Hello there.', target: 'xx' },
      { text: 'Hello there.', source: 'en', target: 'de' },
    ]) {
      const { status, body } = await json(translate(post(request)));
      expect(status).toBe(422);
      expect(body.error.code).toBe('unsupported_language');
    }
  });

  it('text too short to detect, with no source given → 422 language_undetermined', async () => {
    const { status, body } = await json(translate(post({ text: 'Moscow, SANA.', target: 'ru' })));
    expect(status).toBe(422);
    expect(body.error.code).toBe('language_undetermined');
  });

  it('a missing model → 503 model_unavailable with the remedy', async () => {
    const { status, body } = await json(
      translate(post({ text: 'Hello there.', source: 'en', target: 'ar' })),
    );
    expect(status).toBe(503);
    expect(body.error.code).toBe('model_unavailable');
    expect(body.error.message).toContain('npm run models:pull -- ar');
    expect(body.error.details).toMatchObject({ model: 'bitext-fixtures/missing-ar' });
  });
});
