import { describe, expect, it, vi } from 'vitest';

// The server engine reads its environment once, on first use: fixtures profile and a fresh database.
await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'bitext-romanize-'));
});

import { GET as readDigest } from '@/app/api/v1/digests/[id]/route';
import { POST as createDigest } from '@/app/api/v1/digests/route';
import { POST as romanize } from '@/app/api/v1/romanize/route';
import { POST as translate } from '@/app/api/v1/translate/route';
import type { DigestResult } from '@/lib/pipeline/digest';
import type { JobView } from '@/lib/pipeline/protocol';
import { readArticle } from '../support/fixture-models';
import { postRequest } from '../support/requests';

const post = (body: unknown) => postRequest('http://127.0.0.1/api', body);

async function json(response: Response | Promise<Response>) {
  const r = await response;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are JSON, asserted field by field
  return { status: r.status, body: (await r.json()) as Record<string, any> };
}

const LATIN_TEXT = /^[\p{Script=Latin}\p{P}\p{N}\s]+$/u;

describe('POST /api/v1/romanize', () => {
  it('answers each sentence with its Latin form', async () => {
    const { status, body } = await json(
      romanize(post({ text: 'Сергей Лавров прибыл в Москву. Щукин встретил его.', language: 'ru' })),
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      segments: [
        { text: 'Сергей Лавров прибыл в Москву.', latin: 'Sergey Lavrov pribyl v Moskvu.' },
        { text: 'Щукин встретил его.', latin: 'Shchukin vstretil yego.' },
      ],
    });
  });

  it('detects the language when none is given', async () => {
    const { body } = await json(
      romanize(
        post({
          text: '中华人民共和国外交部长王毅在北京说，中国支持叙利亚问题的政治解决。俄罗斯外交部长拉夫罗夫也发言。',
        }),
      ),
    );
    expect(body.segments[0].latin).toMatch(/^zhōnghuá rénmín gònghéguó/);
  });

  it.each([
    [
      'a language it does not romanise',
      { text: 'Hello there.', language: 'en' },
      422,
      'unsupported_language',
    ],
    ['an unknown language', { text: 'Привет.', language: 'xx' }, 422, 'unsupported_language'],
    ['no text', { text: '  ', language: 'ru' }, 400, 'bad_request'],
    ['an unknown field', { text: 'Привет.', language: 'ru', scheme: 'bgn' }, 400, 'bad_request'],
  ])('refuses %s with a code', async (_, request, status, code) => {
    const response = await json(romanize(post(request)));
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
  });
});

describe('romanize: true', () => {
  it('on /translate adds the Latin form of every translated segment', async () => {
    const { status, body } = await json(
      translate(post({ text: 'Moscow, SANA. Lavrov said so.', source: 'en', target: 'ru', romanize: true })),
    );
    expect(status).toBe(200);
    expect(body.segments).toEqual([
      { source: 'Moscow, SANA.', target: 'Мосцов, САНА.', latin: 'Mostsov, SANA.' },
      { source: 'Lavrov said so.', target: 'Лавров саид со.', latin: 'Lavrov said so.' },
    ]);
  });

  it('on /digests adds the Latin form of every segment of every romanised language', async () => {
    const text = readArticle('en-sana-lavrov.txt');
    const response = await createDigest(
      post({ text, targets: ['ru', 'hi', 'zh-Hans', 'de'], translate: 'both', romanize: true }),
    );
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as JobView;
    let job: JobView;
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const read = await readDigest(new Request(`http://127.0.0.1/api/v1/digests/${id}`), {
        params: Promise.resolve({ id }),
      });
      job = (await read.json()) as JobView;
    } while (job.status === 'queued' || job.status === 'running');
    const result = job.result as DigestResult;
    for (const code of ['ru', 'hi', 'zh-Hans']) {
      const segments = result.translations[code]!.segments!;
      expect(segments.length).toBe(result.sentences.length);
      for (const segment of segments) expect(segment.latin).toMatch(LATIN_TEXT);
    }
    // German is already in Latin letters; its segments (if its model exists) carry no `latin`.
    for (const segment of result.translations.de?.segments ?? []) expect(segment.latin).toBeUndefined();
  });
});
