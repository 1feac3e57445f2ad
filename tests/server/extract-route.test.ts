import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The server reads its environment once, on first use: let it fetch the test pages on 127.0.0.1.
vi.hoisted(() => {
  process.env.BITEXT_ALLOW_PRIVATE_URLS = '1';
});

import { POST as extract } from '@/app/api/v1/extract/route';
import { page, startPageServer, type PageServer } from './page-server';
import { postRequest } from '../support/requests';

const post = (body: unknown) => postRequest('http://127.0.0.1/api/v1/extract', body);

interface Answer {
  status: number;
  body: { error?: { code: string; message: string }; [field: string]: unknown };
}

async function json(response: Promise<Response>): Promise<Answer> {
  const r = await response;
  return { status: r.status, body: (await r.json()) as Answer['body'] };
}

let server: PageServer;

beforeAll(async () => {
  const news = readFileSync(new URL('../fixtures/pages/en-news.html', import.meta.url), 'utf8');
  server = await startPageServer({
    '/news': page(news),
    '/feed.json': page('{"items":[]}', 'application/json'),
  });
});

afterAll(() => server?.close());

describe('POST /api/v1/extract', () => {
  it('answers the article as { title, byline, text, language }', async () => {
    const { status, body } = await json(extract(post({ url: `${server.origin}/news` })));
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['byline', 'language', 'text', 'title']);
    expect(body).toMatchObject({
      title: 'Lavrov: Russia isn’t conducting any secret negotiations about Syria',
      byline: 'Hazem Sabbagh',
      language: 'en',
    });
    expect(body.text).toMatch(/^Moscow, SANA – /);
  });

  it.each([
    ['file:///etc/passwd', 400, 'url_not_allowed'],
    ['not a url', 400, 'url_invalid'],
    [`http://127.0.0.1:1/`, 422, 'url_unreachable'],
  ])('answers %s with %i %s', async (url, status, code) => {
    const response = await json(extract(post({ url })));
    expect(response).toMatchObject({ status, body: { error: { code } } });
  });

  it('answers a missing page with 422 url_unreachable naming the status', async () => {
    const { status, body } = await json(extract(post({ url: `${server.origin}/gone` })));
    expect(status).toBe(422);
    expect(body.error).toMatchObject({
      code: 'url_unreachable',
      message: expect.stringContaining('HTTP 404'),
    });
  });

  it('answers JSON with 415 unsupported_content', async () => {
    const { status, body } = await json(extract(post({ url: `${server.origin}/feed.json` })));
    expect(status).toBe(415);
    expect(body.error?.code).toBe('unsupported_content');
  });

  it('answers a body without a url with 400 bad_request', async () => {
    const { status, body } = await json(extract(post({ link: 'https://example.com/' })));
    expect(status).toBe(400);
    expect(body.error?.code).toBe('bad_request');
  });
});
