import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('LIMITS', () => {
  // Each test reads the environment afresh; what one stubs never leaks into the next, even when it fails.
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllEnvs());

  it('has the documented defaults', async () => {
    const { LIMITS } = await import('@/lib/limits');
    expect(LIMITS).toMatchObject({
      articleChars: 100_000,
      targets: 10,
      shareBytes: 1_000_000,
      importBytes: 2_000_000,
    });
  });

  it('can be overridden by the environment', async () => {
    vi.stubEnv('BITEXT_LIMIT_ARTICLE_CHARS', '5000');
    const { LIMITS } = await import('@/lib/limits');
    expect(LIMITS.articleChars).toBe(5000);
    expect(LIMITS.targets).toBe(10);
  });

  it.each([
    ['BITEXT_LIMIT_TARGETS', 'lots'],
    ['BITEXT_LIMIT_SHARE_BYTES', '-1'],
    ['BITEXT_LIMIT_ARTICLE_CHARS', '1.5'],
    ['BITEXT_LIMIT_SEGMENTS', ''],
  ])('%s=%j stops the app from starting, with a message naming it', async (name, value) => {
    vi.stubEnv(name, value);
    const problem = new RegExp(`${name}.*${JSON.stringify(value)}`);
    // next.config.ts is what `next build`, `next dev` and `next start` read first; the server and the CLI
    // read the environment through readEnv.
    await expect(import('@/next.config')).rejects.toThrow(problem);
    const { readEnv } = await import('@/lib/server/env');
    expect(() => readEnv()).toThrow(problem);
  });

  it('an overridden article limit is what the API enforces', async () => {
    vi.stubEnv('BITEXT_LIMIT_ARTICLE_CHARS', '50');
    const { POST: detect } = await import('@/app/api/v1/detect/route');
    const post = (text: string) =>
      detect(
        new Request('http://127.0.0.1/', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        }),
      );
    expect((await post('a'.repeat(50))).status).toBe(200);
    const over = await post('a'.repeat(51));
    expect(over.status).toBe(413);
    expect((await over.json()).error.message).toContain('50');
  });

  it('the workspace checks articles as the API does', async () => {
    const { LIMITS } = await import('@/lib/limits');
    const { articleText } = await import('@/lib/schemas/api');
    const { isArticleText } = await import('@/lib/schemas/rules');
    const max = LIMITS.articleChars;
    // Blank, at and over the limit, and over it in UTF-16 units only (an emoji is one character to the API).
    const texts = [
      '',
      ' \n\u00a0',
      'a',
      'a'.repeat(max),
      'a'.repeat(max + 1),
      '😀'.repeat(max),
      '😀'.repeat(max + 1),
    ];
    for (const text of texts) expect(isArticleText(text)).toBe(articleText.safeParse(text).success);
  });
});
