import dns from 'node:dns/promises';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// The guard's default comes from the environment, read once: pin it on whatever the shell has.
vi.hoisted(() => {
  process.env.BITEXT_ALLOW_PRIVATE_URLS = '0';
});

import { LIMITS } from '@/lib/limits';
import { fetchPage, isPublicAddress, type FetchPageOptions } from '@/lib/server/fetch-page';
import { failure } from '../support/bitext-error';
import { page, redirect, startPageServer, watchClientSockets, type PageServer } from './page-server';

/** The guard off, as under BITEXT_ALLOW_PRIVATE_URLS=1: the pages these tests serve are on 127.0.0.1. */
const anyAddress: FetchPageOptions = { allowAddress: () => true };

const ARTICLE = '<html><head><title>Hello</title></head><body><p>Hello, world.</p></body></html>';
const TWENTY_MB = 20_000_000;

let server: PageServer;
let bigBodySent = 0;
let bigBodyFinished = false;

beforeAll(async () => {
  server = await startPageServer({
    '/article': page(ARTICLE),
    '/plain': page('Just text.\n', 'text/plain'),
    '/json': page('{"a":1}', 'application/json'),
    '/png': page(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
    '/untyped': (_request, response) => response.end('<p>no type</p>'),
    '/gone': (_request, response) => response.writeHead(410, 'Gone', { 'content-type': 'text/html' }).end(),
    '/moved': redirect('/article', 301),
    '/hop/1': redirect('/hop/2'),
    '/hop/2': redirect('/hop/3'),
    '/hop/3': redirect('/hop/4'),
    '/hop/4': redirect('/hop/5'),
    '/hop/5': redirect('/hop/6'),
    '/hop/6': redirect('/hop/7'),
    '/hop/7': redirect('/article'),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/to-ftp': redirect('ftp://example.com/file'),
    '/gzip': page(gzipSync(ARTICLE), 'text/html', { 'content-encoding': 'gzip' }),
    // 5 MB of spaces compress to a few kilobytes: the cap must count what comes out, not what comes in.
    '/gzip-bomb': page(gzipSync(Buffer.alloc(5_000_000, ' ')), 'text/html', { 'content-encoding': 'gzip' }),
    '/declared-huge': (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': 3_000_000 }).flushHeaders(),
    '/endless': (_request, response) => {
      // Streams 20 MB honouring back-pressure, noting how far it got before the client hung up.
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const write = () => {
        while (bigBodySent < TWENTY_MB) {
          bigBodySent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', write);
        }
        bigBodyFinished = true;
        response.end();
      };
      write();
    },
    '/silent': () => {},
    '/stalls': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<p>The first paragraph, then nothing more…');
    },
  });
});

afterAll(() => server?.close());

describe('refusing URLs that point inside the network (guard on)', () => {
  let sockets: ReturnType<typeof watchClientSockets>;
  beforeAll(() => {
    sockets = watchClientSockets();
  });
  afterEach(() => expect(sockets.count(), 'no connection may be attempted').toBe(0));
  afterAll(() => sockets.stop());

  const refused = [
    'http://localhost/',
    'http://[::1]/',
    'http://0.0.0.0/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[fe80::1]/',
    'http://[fd12:3456::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://[::]/',
  ];
  it.each(refused)('%s', async (url) => {
    const error = await failure(fetchPage(url));
    expect(error.code).toBe('url_not_allowed');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/only public addresses/);
  });

  it('refuses 127.0.0.1 with a server listening there, which never hears of it', async () => {
    const before = server.connections();
    for (const url of [`${server.origin}/article`, `http://localhost:${server.port}/article`]) {
      expect((await failure(fetchPage(url))).code).toBe('url_not_allowed');
    }
    expect(server.connections()).toBe(before);
  });

  it("refuses an ordinary-looking name that resolves to loopback (this machine's own name)", async () => {
    // Here the host name is in /etc/hosts as 127.0.0.1, like a DNS name an attacker points at loopback.
    const name = os.hostname();
    const addresses = await dns.lookup(name, { all: true });
    expect(addresses.every((a) => !isPublicAddress(a.address))).toBe(true);
    const before = server.connections();
    expect((await failure(fetchPage(`http://${name}:${server.port}/article`))).code).toBe('url_not_allowed');
    expect(server.connections()).toBe(before);
  });

  // The WHATWG URL parser reads these as 127.0.0.1 before anything else sees them.
  it.each(['http://2130706433/', 'http://0x7f.1/', 'http://017700000001/', 'http://127.1/'])(
    '%s is 127.0.0.1 spelt differently',
    async (url) => {
      const error = await failure(fetchPage(url));
      expect(error.code).toBe('url_not_allowed');
      expect(error.message).toContain('points to 127.0.0.1 (loopback)');
    },
  );

  it.each(['file:///etc/passwd', 'ftp://x/', 'data:text/html,hi', 'javascript:alert(1)', 'gopher://x/'])(
    '%s is not http(s)',
    async (url) => {
      const error = await failure(fetchPage(url, anyAddress));
      expect(error.code).toBe('url_not_allowed');
      expect(error.message).toMatch(/Only http and https/);
    },
  );

  it('refuses credentials in the URL even with the guard off', async () => {
    const error = await failure(fetchPage(`http://user:secret@127.0.0.1:${server.port}/article`, anyAddress));
    expect(error.code).toBe('url_not_allowed');
    expect(error.message).toMatch(/user name or password/);
  });

  it('says what is not a URL is not one (400 url_invalid), not that it is refused', async () => {
    const error = await failure(fetchPage('news.example.com/story'));
    expect(error).toMatchObject({
      code: 'url_invalid',
      status: 400,
      message: expect.stringMatching(/is not a URL/),
    });
  });
});

describe('isPublicAddress', () => {
  it('accepts public unicast addresses, IPv4 and IPv6', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:82b::200e']) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it('refuses every special-purpose range, and anything that is not an address', () => {
    const special = [
      '127.0.0.1', '0.0.0.0', '10.1.2.3', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.100.100.200',
      '224.0.0.251', '240.0.0.1', '255.255.255.255', '192.0.2.1', '198.18.0.1', '::', '::1', 'fe80::1',
      'fc00::1', 'fd00:ec2::254', 'ff02::1', '::ffff:127.0.0.1', '::ffff:192.168.0.1', '2001:db8::1',
      '64:ff9b::a00:1', 'localhost', '',
    ]; // prettier-ignore
    for (const address of special) expect(isPublicAddress(address), address).toBe(false);
  });
});

describe('fetching a page (guard off)', () => {
  it('returns the decoded body, its type and where it was found', async () => {
    expect(await fetchPage(`${server.origin}/article`, anyAddress)).toEqual({
      url: `${server.origin}/article`,
      type: 'text/html',
      body: ARTICLE,
    });
  });

  it('takes plain text as it is', async () => {
    expect(await fetchPage(`${server.origin}/plain`, anyAddress)).toMatchObject({
      type: 'text/plain',
      body: 'Just text.\n',
    });
  });

  it('reads gzip-compressed pages', async () => {
    expect((await fetchPage(`${server.origin}/gzip`, anyAddress)).body).toBe(ARTICLE);
  });

  it('follows a redirect, reporting the final URL', async () => {
    const fetched = await fetchPage(`${server.origin}/moved`, anyAddress);
    expect(fetched.url).toBe(`${server.origin}/article`);
    expect(fetched.body).toBe(ARTICLE);
  });

  it('gives up after five redirects', async () => {
    expect((await fetchPage(`${server.origin}/hop/3`, anyAddress)).body).toBe(ARTICLE);
    const error = await failure(fetchPage(`${server.origin}/hop/1`, anyAddress));
    expect(error).toMatchObject({ code: 'url_unreachable', message: expect.stringMatching(/more than 5/) });
  });

  it('checks every hop: a redirect to the cloud metadata address is refused before connecting', async () => {
    const sockets = watchClientSockets();
    try {
      // The guard on, but trusting our own test server, as if it were a public site.
      const allowAddress = (address: string) => address === '127.0.0.1' || isPublicAddress(address);
      const error = await failure(fetchPage(`${server.origin}/to-metadata`, { allowAddress }));
      expect(error.code).toBe('url_not_allowed');
      expect(error.message).toContain('169.254.169.254');
      expect(sockets.count(), 'only the connection to the first hop').toBe(1);
    } finally {
      sockets.stop();
    }
  });

  it('refuses a redirect to another protocol', async () => {
    const error = await failure(fetchPage(`${server.origin}/to-ftp`, anyAddress));
    expect(error).toMatchObject({ code: 'url_not_allowed', message: expect.stringMatching(/not ftp:/) });
  });

  it.each([
    ['/json', 'application/json'],
    ['/png', 'image/png'],
    ['/untyped', 'content without a type'],
  ])('refuses %s as unsupported content (415)', async (path, named) => {
    const error = await failure(fetchPage(`${server.origin}${path}`, anyAddress));
    expect(error.code).toBe('unsupported_content');
    expect(error.status).toBe(415);
    expect(error.message).toContain(named);
  });

  it('reports an HTTP error status', async () => {
    const error = await failure(fetchPage(`${server.origin}/missing`, anyAddress));
    expect(error).toMatchObject({ code: 'url_unreachable', details: { reason: 'http', status: 404 } });
    expect(error.message).toContain('HTTP 404 Not Found');
    expect((await failure(fetchPage(`${server.origin}/gone`, anyAddress))).message).toContain(
      'HTTP 410 Gone',
    );
  });

  it('reports a refused connection', async () => {
    const closed = await startPageServer({});
    await closed.close();
    const error = await failure(fetchPage(`${closed.origin}/`, anyAddress));
    expect(error).toMatchObject({ code: 'url_unreachable', details: { reason: 'connection' } });
    expect(error.message).toContain('refused the connection');
  });
});

describe('limits', () => {
  it(`stops reading at ${LIMITS.importBytes / 1_000_000} MB and closes the connection`, async () => {
    const error = await failure(fetchPage(`${server.origin}/endless`, anyAddress));
    expect(error).toMatchObject({ code: 'input_too_large', status: 413 });
    expect(error.message).toContain('larger than 2 MB');
    await vi.waitFor(() => expect(bigBodySent).toBeGreaterThan(LIMITS.importBytes));
    expect(bigBodyFinished, 'the server was cut off before sending all 20 MB').toBe(false);
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    const error = await failure(fetchPage(`${server.origin}/declared-huge`, anyAddress));
    expect(error.code).toBe('input_too_large');
  });

  it('counts decompressed bytes, so a small gzip bomb is still too large', async () => {
    const error = await failure(fetchPage(`${server.origin}/gzip-bomb`, anyAddress));
    expect(error.code).toBe('input_too_large');
  });

  it('times out on a server that never answers', async () => {
    const started = performance.now();
    const error = await failure(fetchPage(`${server.origin}/silent`, { ...anyAddress, timeoutMs: 300 }));
    expect(error).toMatchObject({ code: 'url_unreachable', details: { reason: 'timeout' } });
    expect(error.message).toContain('did not send the page within 0.3 s');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('times out on a server that stops halfway through the body', async () => {
    const error = await failure(fetchPage(`${server.origin}/stalls`, { ...anyAddress, timeoutMs: 300 }));
    expect(error).toMatchObject({ code: 'url_unreachable', details: { reason: 'timeout' } });
  });

  it('stops with `cancelled` when the caller aborts', async () => {
    const controller = new AbortController();
    const fetching = fetchPage(`${server.origin}/silent`, { ...anyAddress, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(fetching)).code).toBe('cancelled');
  });
});
