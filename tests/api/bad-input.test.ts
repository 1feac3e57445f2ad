import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(`${tmpdir()}/bitext-battery-`);
  // The battery sends hundreds of requests from one address; rate limits have their own tests.
  for (const bucket of ['INFERENCE', 'DIGESTS', 'EXTRACT', 'SHARES'])
    process.env[`BITEXT_RATE_${bucket}`] = '0';
  process.env.BITEXT_JOB_BACKLOG = '1000';
});

import { POST as detect } from '@/app/api/v1/detect/route';
import { POST as digests } from '@/app/api/v1/digests/route';
import { POST as extract } from '@/app/api/v1/extract/route';
import { POST as shares } from '@/app/api/v1/shares/route';
import { POST as summarize } from '@/app/api/v1/summarize/route';
import { POST as translate } from '@/app/api/v1/translate/route';
import { POST as libreDetect } from '@/app/api/libretranslate/detect/route';
import { POST as libreTranslateFile } from '@/app/api/libretranslate/translate_file/route';
import { POST as libreTranslate } from '@/app/api/libretranslate/translate/route';
import { LIMITS } from '@/lib/limits';

/**
 * The bad-input battery: every route, every kind of bad or strange input, answers a 4xx with a code or a
 * correct 2xx — never a 5xx, never a crash.
 */
type Handler = (request: Request) => Promise<Response>;

interface Route {
  name: string;
  handler: Handler;
  body: (text: string) => unknown;
  /** What a 2xx answer of this route holds (the README's API table). */
  answer: string[];
}

const ROUTES: Route[] = [
  {
    name: 'detect',
    handler: detect,
    body: (text) => ({ text }),
    answer: ['language', 'confidence', 'alternatives'],
  },
  {
    name: 'summarize',
    handler: summarize,
    body: (text) => ({ text, language: 'en' }),
    answer: ['language', 'mode', 'summary', 'sentences'],
  },
  {
    name: 'translate',
    handler: translate,
    body: (text) => ({ text, source: 'en', target: 'ru' }),
    answer: ['source', 'target', 'model', 'translation', 'segments'],
  },
  {
    name: 'digests',
    handler: digests,
    body: (text) => ({ text, source: 'en', targets: ['ru', 'hi'] }),
    answer: ['id', 'status'],
  },
  { name: 'extract', handler: extract, body: (text) => ({ url: text }), answer: ['title', 'text'] },
  {
    name: 'shares',
    handler: shares,
    answer: ['id', 'url', 'deleteToken'],
    body: (text) => ({
      source: { text, language: 'en' },
      summary: { mode: 'extractive', text: '', sentences: [] },
      translations: {},
      options: { summary: { mode: 'extractive', type: 'tldr', length: 'short' }, translate: 'summary' },
    }),
  },
];

function request(body: BodyInit | null, contentType = 'application/json'): Request {
  return new Request('http://127.0.0.1/api', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
}

/**
 * A 4xx with a code and a message, or a 2xx holding what the route answers (`answer`'s fields, no error);
 * with `allowed`, one of those statuses.
 */
async function expectHandled(response: Response, { allowed = [], answer = [] }: Expect = {}) {
  const body = (await response.json()) as { error?: { code: string; message: string } };
  if (response.status >= 400) {
    expect(response.status).toBeLessThan(500);
    expect(body.error?.code).toMatch(/^[a-z_]+$/);
    expect(body.error?.message).toBeTruthy();
  } else {
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expect(body.error).toBeUndefined();
    for (const field of answer) expect(body).toHaveProperty(field);
  }
  if (allowed.length) expect(allowed).toContain(response.status);
  return { status: response.status, body };
}

interface Expect {
  allowed?: number[];
  answer?: string[];
}

const STRANGE_TEXTS: [string, string][] = [
  ['only whitespace', ' \n\t  \n '],
  ['only emoji', '😀🎉👍🏽🇺🇦'.repeat(20)],
  ['control characters and NUL', 'Moscow\u0000 said\u0007 the\u001b[31m talks go on.\u0000'],
  ['lone surrogates', 'Broken \ud800 text \udfff here. And more text to read.'],
  ['mixed scripts', 'Lavrov said Россия и 中国 और भारत agree. 他说“好”。 Он сказал.'],
  ['RTL text', 'قال لافروف إن روسيا لا تجري أي مفاوضات سرية بشأن سوريا مع أي طرف في جنيف.'],
  ['one 50,000-char word', 'a'.repeat(50_000)],
  ['10,000 one-word lines', Array.from({ length: 10_000 }, (_, i) => `word${i}`).join('\n')],
];

describe.each(ROUTES)('POST /api/v1/$name', ({ handler, body, answer }) => {
  it.each([
    ['empty body', () => request(null)],
    ['malformed JSON', () => request('{"text": "abc"')],
    ['JSON null', () => request('null')],
    ['a JSON array', () => request('[1,2,3]')],
    ['wrong content type', () => request(JSON.stringify(body('Hello there.')), 'text/plain')],
    ['form encoded', () => request('text=hello', 'application/x-www-form-urlencoded')],
    ['wrong types', () => request(JSON.stringify({ text: 42, target: ['ru'], source: {} }))],
    ['extra fields', () => request(JSON.stringify({ ...(body('Hello there.') as object), admin: true }))],
    [
      'invalid UTF-8 bytes',
      () => request(new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    ],
  ])('%s → 400 bad_request', async (_, make) => {
    const { body: refusal } = await expectHandled(await handler(make()), { allowed: [400] });
    expect(refusal.error?.code).toBe('bad_request');
  });

  it(`${LIMITS.articleChars + 1} characters → 413 input_too_large`, async () => {
    const { body: refusal } = await expectHandled(
      await handler(request(JSON.stringify(body('a'.repeat(LIMITS.articleChars + 1))))),
      { allowed: [413] },
    );
    expect(refusal.error?.code).toBe('input_too_large');
  });

  it.each(STRANGE_TEXTS)('%s → a 4xx with a code or a 2xx', async (_, text) => {
    await expectHandled(await handler(request(JSON.stringify(body(text)))), { answer });
  });
});

describe('language codes', () => {
  it.each([
    ['unknown', 'xx', 422],
    ['malformed', 'en_US!', 400],
    ['empty', '', 400],
    ['very long', 'en-' + 'a'.repeat(5000), 400],
  ])('%s target → %i', async (_, target, status) => {
    await expectHandled(await translate(request(JSON.stringify({ text: 'Hello there.', target }))), {
      allowed: [status],
    });
  });
});

describe('fuzzed request bodies', () => {
  it('never answer 5xx, whatever JSON arrives', async () => {
    const anyBody = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          text: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.jsonValue()),
          segments: fc.oneof(fc.array(fc.string({ maxLength: 50 }), { maxLength: 5 }), fc.jsonValue()),
          source: fc.oneof(fc.constantFrom('en', 'ru', 'zh-Hans', 'xx', ''), fc.jsonValue()),
          target: fc.oneof(fc.constantFrom('ru', 'hi', 'zh-Hans', 'ar', 'de', 'xx'), fc.jsonValue()),
          mode: fc.oneof(fc.constantFrom('extractive', 'abstractive'), fc.string()),
          type: fc.oneof(fc.constantFrom('key-points', 'tldr', 'headline'), fc.string()),
          length: fc.oneof(fc.constantFrom('short', 'medium', 'long'), fc.string()),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), anyBody, async ({ handler }, value) => {
        const response = await handler(request(JSON.stringify(value)));
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });
});

/** The LibreTranslate-compatible routes answer `{ error: "<message>" }`, and accept form bodies too. */
const LIBRE_ROUTES: { name: string; handler: Handler; body: (text: string) => Record<string, unknown> }[] = [
  { name: 'translate', handler: libreTranslate, body: (q) => ({ q, source: 'en', target: 'ru' }) },
  {
    name: 'translate (auto, html)',
    handler: libreTranslate,
    body: (q) => ({ q: [q], source: 'auto', target: 'hi', format: 'html' }),
  },
  { name: 'detect', handler: libreDetect, body: (q) => ({ q }) },
];

async function expectLibreHandled(response: Response, allowed: number[] = []) {
  const body = (await response.json()) as { error?: unknown };
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(typeof body.error).toBe('string');
    expect(body.error).toBeTruthy();
  }
  if (allowed.length) expect(allowed).toContain(response.status);
  return body;
}

describe.each(LIBRE_ROUTES)('POST /api/libretranslate/$name', ({ handler, body }) => {
  it.each([
    ['empty body', () => request(null)],
    ['malformed JSON', () => request('{"q": "abc"')],
    ['JSON null', () => request('null')],
    ['a JSON array', () => request('[1,2,3]')],
    ['no content type', () => request(JSON.stringify(body('Hello there.')), '')],
    ['multipart for a text route', () => request('--x\r\n\r\n--x--', 'multipart/form-data; boundary=x')],
    ['wrong types', () => request(JSON.stringify({ q: { a: 1 }, target: ['ru'], source: {} }))],
    ['an empty form', () => request('', 'application/x-www-form-urlencoded')],
    ['a broken form', () => request('q=%E0%A4%A&source=%&target=ru', 'application/x-www-form-urlencoded')],
    [
      'invalid UTF-8 bytes',
      () => request(new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    ],
  ])('%s → 400 { error }', async (_, make) => {
    await expectLibreHandled(await handler(make()), [400]);
  });

  it(`${LIMITS.articleChars + 1} characters → 400 { error }`, async () => {
    await expectLibreHandled(
      await handler(request(JSON.stringify(body('a'.repeat(LIMITS.articleChars + 1))))),
      [400],
    );
  });

  it(`a body over ${LIMITS.requestBytes} bytes → a 4xx { error }`, async () => {
    await expectLibreHandled(await handler(request(JSON.stringify(body('é'.repeat(LIMITS.requestBytes))))));
  });

  it('HTML nested 30,000 deep → a 4xx { error } or a 2xx, not a stack overflow', async () => {
    const deep = { ...body('<b>'.repeat(30_000) + 'Hello'), format: 'html' };
    await expectLibreHandled(await handler(request(JSON.stringify(deep))));
  });

  it.each(STRANGE_TEXTS)('%s → a 4xx with a message or a 2xx', async (_, text) => {
    await expectLibreHandled(await handler(request(JSON.stringify(body(text)))));
    const form = new URLSearchParams(Object.entries(body(text)).map(([k, v]) => [k, String(v)]));
    await expectLibreHandled(await handler(request(form.toString(), 'application/x-www-form-urlencoded')));
  });
});

describe('POST /api/libretranslate/translate_file', () => {
  const upload = (parts: Record<string, string | Blob>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(parts)) form.set(name, value);
    return new Request('http://127.0.0.1/api', { method: 'POST', body: form });
  };

  it.each([
    ['JSON instead of a form', () => request(JSON.stringify({ source: 'en', target: 'ru' }))],
    [
      'a truncated multipart body',
      () => request('--x\r\nContent-Disposition: form-data; name="file"', 'multipart/form-data; boundary=x'),
    ],
    ['file as a plain field', () => upload({ file: 'not a file', source: 'en', target: 'ru' })],
    ['an empty file name', () => upload({ file: new File(['Hello'], ''), source: 'en', target: 'ru' })],
    [
      'binary bytes in a .txt',
      () =>
        upload({ file: new File([new Uint8Array([0, 255, 254, 0])], 'a.txt'), source: 'en', target: 'ru' }),
    ],
    ['an empty .html', () => upload({ file: new File([''], 'a.html'), source: 'en', target: 'ru' })],
    [
      'broken HTML',
      () =>
        upload({
          file: new File(['<p><b>Hello <i>there</p></b><<>>&&;'], 'a.html'),
          source: 'en',
          target: 'ru',
        }),
    ],
  ])('%s → a 4xx { error } or a 2xx', async (_, make) => {
    await expectLibreHandled(await libreTranslateFile(make()));
  });
});

describe('fuzzed LibreTranslate bodies', () => {
  const field = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.jsonValue());
  const anyBody = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        q: fc.oneof(field, fc.array(fc.string({ unit: 'binary', maxLength: 100 }), { maxLength: 4 })),
        source: fc.oneof(fc.constantFrom('auto', 'en', 'zh', 'zh-Hant', 'xx', ''), fc.jsonValue()),
        target: fc.oneof(fc.constantFrom('ru', 'hi', 'zh', 'tr', 'ar', 'de', 'xx'), fc.jsonValue()),
        format: fc.oneof(fc.constantFrom('text', 'html'), fc.jsonValue()),
        alternatives: fc.oneof(fc.integer({ min: -3, max: 10 }), fc.jsonValue()),
        api_key: fc.oneof(fc.constant(''), fc.constant(null), fc.string({ maxLength: 40 })),
      },
      { requiredKeys: [] },
    ),
  );
  const html = fc
    .array(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<b>',
        '</b>',
        '<a href="x">',
        '</a>',
        '<br>',
        'Hello',
        ' the talks ',
        '&amp;',
        '<1>',
        '</2>',
        '<3/>',
        '<code>',
        '🎉',
        '<',
        '>',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));

  it('never answer 5xx, whatever JSON or form arrives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...LIBRE_ROUTES),
        anyBody,
        fc.boolean(),
        async ({ handler }, value, asForm) => {
          const body =
            asForm && value && typeof value === 'object' && !Array.isArray(value)
              ? request(
                  new URLSearchParams(Object.entries(value).map(([k, v]) => [k, String(v)])).toString(),
                  'application/x-www-form-urlencoded',
                )
              : request(JSON.stringify(value));
          expect((await handler(body)).status).toBeLessThan(500);
        },
      ),
      { numRuns: 150, seed: 20261204 },
    );
  });

  it('never answer 5xx on arbitrary HTML fragments', async () => {
    await fc.assert(
      fc.asyncProperty(html, fc.constantFrom('ru', 'tr'), async (q, target) => {
        const response = await libreTranslate(
          request(JSON.stringify({ q, source: 'en', target, format: 'html' })),
        );
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 80, seed: 20261204 },
    );
  });
});
