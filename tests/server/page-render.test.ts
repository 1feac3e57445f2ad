import type { IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';

import { createPageRenders, RENDER_HEADER, renderedByNext } from '@/lib/server/page-render';
import { startPageServer, type PageServer } from './page-server';

const utf8 = new TextEncoder();
const page = (text: string) => async () => utf8.encode(text);

describe('page renders', () => {
  it('renders a page once and then answers it from memory', async () => {
    const renders = createPageRenders({ maxBytes: 1_000_000, ttlMs: 60_000 });
    let rendered = 0;
    const render = async () => {
      rendered++;
      return utf8.encode('<html>share</html>');
    };
    const first = await renders.get('share-1', '"etag-a"', render);
    const second = await renders.get('share-1', '"etag-a"', render);
    expect(rendered).toBe(1);
    expect(second).toBe(first);
    expect(new TextDecoder().decode(first!.html)).toBe('<html>share</html>');
  });

  it('renders once for many requests that miss at the same time', async () => {
    const renders = createPageRenders({ maxBytes: 1_000_000, ttlMs: 60_000 });
    let rendered = 0;
    const render = async () => {
      rendered++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return utf8.encode('<html>burst</html>');
    };
    const answers = await Promise.all(Array.from({ length: 8 }, () => renders.get('s', '"e"', render)));
    expect(rendered).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('keeps each representation apart, and forgets every one of a share when it is evicted', async () => {
    const renders = createPageRenders({ maxBytes: 1_000_000, ttlMs: 60_000 });
    await renders.get('s', '"en"', page('english'));
    await renders.get('s', '"ru"', page('russian'));
    await renders.get('other', '"en"', page('other'));
    renders.evict('s');
    const again = await renders.get('s', '"en"', page('english, rendered again'));
    expect(new TextDecoder().decode(again!.html)).toBe('english, rendered again');
    const kept = await renders.get('other', '"en"', page('not rendered'));
    expect(new TextDecoder().decode(kept!.html)).toBe('other');
  });

  it('keeps nothing a render did not give (not a 200), and asks again next time', async () => {
    const renders = createPageRenders({ maxBytes: 1_000_000, ttlMs: 60_000 });
    expect(await renders.get('s', '"e"', async () => undefined)).toBeUndefined();
    expect(new TextDecoder().decode((await renders.get('s', '"e"', page('now found')))!.html)).toBe(
      'now found',
    );
  });

  it('holds at most its byte budget, dropping the least recently used render', async () => {
    const renders = createPageRenders({ maxBytes: 3_000, ttlMs: 60_000 });
    const big = (name: string) => page(`${name}:${'x'.repeat(1_000)}`);
    await renders.get('a', '"a"', big('a'));
    await renders.get('b', '"b"', big('b'));
    await renders.get('a', '"a"', big('a again'));
    await renders.get('c', '"c"', big('c'));
    // `b` was the least recently used: it was dropped, `a` was kept.
    expect(new TextDecoder().decode((await renders.get('a', '"a"', big('a3')))!.html)).toMatch(/^a:/);
    expect(new TextDecoder().decode((await renders.get('b', '"b"', big('b2')))!.html)).toMatch(/^b2:/);
  });
});

describe('rendered by Next', () => {
  let server: PageServer | undefined;
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  afterEach(async () => {
    await server?.close();
    if (origin === undefined) delete process.env.__NEXT_PRIVATE_ORIGIN;
    else process.env.__NEXT_PRIVATE_ORIGIN = origin;
  });

  it("asks this server for the page with the reader's host and protocol, marked as its own request", async () => {
    let seen: IncomingHttpHeaders = {};
    server = await startPageServer({
      '/en/s/abc': (request, response) => {
        seen = request.headers;
        response.writeHead(200, { 'content-type': 'text/html' }).end(`<html>${request.url}</html>`);
      },
    });
    process.env.__NEXT_PRIVATE_ORIGIN = server.origin;
    const headers = new Headers({ host: 'bitext.example', 'x-forwarded-proto': 'https', cookie: 'a=b' });
    const page = await renderedByNext('/en/s/abc?lang=hi', headers);
    expect(new TextDecoder().decode(page)).toBe('<html>/en/s/abc?lang=hi</html>');
    expect(seen.host).toBe('bitext.example');
    expect(seen['x-forwarded-proto']).toBe('https');
    expect(seen[RENDER_HEADER]).toBe('1');
    // Nothing the page does not read: one render serves every reader.
    expect(seen.cookie).toBeUndefined();
  });

  it('gives nothing to keep for an answer other than 200, or without an address of its own', async () => {
    server = await startPageServer({});
    process.env.__NEXT_PRIVATE_ORIGIN = server.origin;
    expect(await renderedByNext('/en/s/missing', new Headers())).toBeUndefined();
    delete process.env.__NEXT_PRIVATE_ORIGIN;
    expect(await renderedByNext('/en/s/abc', new Headers())).toBeUndefined();
  });
});
