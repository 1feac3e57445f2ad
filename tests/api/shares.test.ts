import { beforeAll, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(`${tmpdir()}/bitext-api-`);
  process.env.BITEXT_RATE_SHARES = '5';
});

import { POST as create } from '@/app/api/v1/shares/route';
import { DELETE as remove, GET as read } from '@/app/api/v1/shares/[id]/route';
import { seedShareRequest } from '../support/share-request';
import { postRequest } from '../support/requests';

let body: Awaited<ReturnType<typeof seedShareRequest>>;
beforeAll(async () => {
  body = await seedShareRequest();
});

let client = 0;
function post(payload: unknown, ip = `127.0.0.${++client}`) {
  return create(postRequest('http://127.0.0.1:3000/api/v1/shares', payload, { 'x-forwarded-for': ip }));
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe('/api/v1/shares', () => {
  it('creates (201), reads, refuses a wrong token (403), deletes (204), then 404', async () => {
    const response = await post(body);
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created.url).toBe(`http://127.0.0.1:3000/s/${created.id}`);

    const got = await read(new Request(created.url), params(created.id));
    expect(got.status).toBe(200);
    const share = await got.json();
    expect(share.translations.hi.summary.text).toMatch(/\p{Script=Devanagari}/u);
    expect(share).not.toHaveProperty('deleteToken');

    const bearer = (token: string) =>
      new Request(created.url, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    const wrong = await remove(bearer('not-the-token'), params(created.id));
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe('forbidden');
    expect((await remove(bearer(created.deleteToken), params(created.id))).status).toBe(204);
    const gone = await read(new Request(created.url), params(created.id));
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe('not_found');
  });

  it('lets a shared cache keep a share briefly, revalidates by ETag, and forgets it once deleted', async () => {
    const created = await (await post(body)).json();
    const got = await read(new Request(created.url), params(created.id));
    expect(got.status).toBe(200);
    const cacheControl = got.headers.get('cache-control') ?? '';
    expect(cacheControl).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/);
    // Short: a deleted share may live in a CDN for s-maxage at most.
    expect(Number(/s-maxage=(\d+)/.exec(cacheControl)![1])).toBeLessThanOrEqual(600);
    const etag = got.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);

    const conditional = (tag: string) =>
      read(new Request(created.url, { headers: { 'if-none-match': tag } }), params(created.id));
    const notModified = await conditional(`"other", ${etag}`);
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(notModified.headers.get('cache-control')).toBe(cacheControl);
    expect((await conditional('"other"')).status).toBe(200);

    const bearer = new Request(created.url, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${created.deleteToken}` },
    });
    expect((await remove(bearer, params(created.id))).status).toBe(204);
    expect((await conditional(etag)).status).toBe(404);
  });

  it('answers 404 for unknown and malformed ids alike', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '../../etc/passwd', 'x']) {
      expect((await read(new Request('http://127.0.0.1/'), params(id))).status).toBe(404);
    }
  });

  it('refuses a payload over 1 MB with 413', async () => {
    const huge = { ...body, title: 'x', source: { ...body.source, text: 'word '.repeat(220_000) } };
    const response = await post(huge);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('input_too_large');
  });

  it('re-validates the structure: extra fields and wrong types are 400', async () => {
    expect((await post({ ...body, admin: true })).status).toBe(400);
    expect((await post({ ...body, translations: { ru: { segments: 'nope' } } })).status).toBe(400);
    expect((await post({ ...body, expires: 'forever' })).status).toBe(400);
  });

  it('rate-limits share creation per client with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await post(body, '127.0.9.9');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(body, '127.0.9.10')).status).toBe(201);
  });
});
