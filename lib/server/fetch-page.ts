import 'server-only';
import dns from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { BitextError, isBitextError } from '@/lib/errors';
import { LIMITS } from '@/lib/limits';
import { serverEnv } from './engine';

/**
 * Fetches a web page for "Import from URL" without letting the URL reach inside our network (SSRF).
 *
 * The URL parser normalises every spelling of an address (2130706433, 0x7f.1, 017700000001 are all
 * 127.0.0.1), so checks run on what it gives back. Each host is resolved here, every address it
 * resolves to must pass, and the connection is pinned to those addresses, so a DNS answer that
 * changes between the check and the connect (rebinding) cannot point it elsewhere. Redirects are
 * followed by hand so every hop passes the same checks.
 */

export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export interface FetchedPage {
  /** Where the page was found, after redirects. */
  url: string;
  type: PageType;
  /** The body decoded by its charset. */
  body: string;
}

export interface FetchPageOptions {
  /**
   * Which resolved addresses may be contacted. Default: public unicast addresses only, or any
   * address when BITEXT_ALLOW_PRIVATE_URLS=1.
   */
  allowAddress?: (address: string) => boolean;
  /** For the whole import: DNS, redirects and body. */
  timeoutMs?: number;
  /** Body size after decompression. */
  maxBytes?: number;
  /** The client went away: stop with `cancelled`. */
  signal?: AbortSignal;
}

const TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const REQUEST_HEADERS = {
  accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Mozilla/5.0 (compatible; Bitext/0.1; article import)',
};

/** True for addresses anyone on the internet can reach: not loopback, private, link-local, reserved… */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() unwraps IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it stands for.
  return ipaddr.process(address).range() === 'unicast';
}

export async function fetchPage(input: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const allowAddress = options.allowAddress ?? (serverEnv().allowPrivateUrls ? () => true : isPublicAddress);
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? LIMITS.importBytes;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let url = parsePageUrl(input);
  try {
    for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
      const addresses = await resolveAllowed(url, allowAddress, signal);
      const response = await requestPage(url, addresses, signal);
      try {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(status) && location) {
          url = parsePageUrl(location, url);
          continue;
        }
        return await readPage(url, response, maxBytes, signal);
      } finally {
        response.destroy();
      }
    }
    throw unreachable('redirects', `${url.host} redirected more than ${MAX_REDIRECTS} times.`);
  } catch (error) {
    if (isBitextError(error)) throw error;
    if (timeout.aborted) {
      throw unreachable('timeout', `${url.host} did not send the page within ${timeoutMs / 1000} s.`);
    }
    if (options.signal?.aborted) throw new BitextError('cancelled', 'The import was cancelled.');
    throw error;
  }
}

function parsePageUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new BitextError('url_invalid', `"${input}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw notAllowed(`Only http and https pages can be imported, not ${url.protocol} URLs.`);
  }
  // Credentials would be sent to whoever the URL names, and pages people share never need them.
  if (url.username || url.password) throw notAllowed('URLs with a user name or password are not imported.');
  return url;
}

async function resolveAllowed(
  url: URL,
  allowAddress: (address: string) => boolean,
  signal: AbortSignal,
): Promise<Addresses> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: LookupAddress[];
  try {
    addresses = await untilAborted(dns.lookup(host, { all: true }), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw unreachable('dns', `Could not find the server ${host} (${errorCode(error)}).`);
  }
  const [first, ...others] = addresses;
  if (!first) throw unreachable('dns', `Could not find the server ${host}.`);
  const refused = addresses.find(({ address }) => !allowAddress(address));
  if (refused) {
    const range = ipaddr.isValid(refused.address) ? ipaddr.process(refused.address).range() : 'invalid';
    throw notAllowed(`${host} points to ${refused.address} (${range}); only public addresses are fetched.`);
  }
  return [first, ...others];
}

type Addresses = [LookupAddress, ...LookupAddress[]];

function requestPage(url: URL, addresses: Addresses, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      headers: REQUEST_HEADERS,
      lookup: pinnedLookup(addresses),
      // A pooled socket could outlive the check it was opened under; one connection per request.
      agent: false,
      signal,
    });
    request.on('response', resolve);
    request.on('error', (error) => reject(signal.aborted ? error : connectionError(url, error)));
    request.end();
  });
}

/** Answers the connection's DNS question with the addresses already checked, never asking again. */
function pinnedLookup(addresses: Addresses): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

async function readPage(
  url: URL,
  response: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
): Promise<FetchedPage> {
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    const reason = response.statusMessage ? ` ${response.statusMessage}` : '';
    throw unreachable('http', `${url.host} answered HTTP ${status}${reason}.`, { status });
  }

  const contentType = response.headers['content-type'] ?? '';
  const type = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!isPageType(type)) {
    throw new BitextError(
      'unsupported_content',
      `The URL gives ${type || 'content without a type'}, not a web page or plain text.`,
      { type },
    );
  }
  if (Number(response.headers['content-length']) > maxBytes) throw tooLarge(maxBytes);

  let bytes: Buffer;
  try {
    bytes = await readAtMost(decompress(response), maxBytes);
  } catch (error) {
    if (isBitextError(error) || signal.aborted) throw error;
    throw connectionError(url, error);
  }
  return { url: url.href, type, body: decodeBody(bytes, contentType, type) };
}

function isPageType(type: string): type is PageType {
  return (PAGE_TYPES as readonly string[]).includes(type);
}

const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: zlib.createGunzip,
  'x-gzip': zlib.createGunzip,
  deflate: zlib.createInflate,
  br: zlib.createBrotliDecompress,
};

function decompress(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return response;
  const decompressor = DECOMPRESSORS[encoding];
  if (!decompressor) {
    throw new BitextError(
      'unsupported_content',
      `The page is compressed as "${encoding}", which Bitext cannot read.`,
    );
  }
  // Errors reach the reader through the decompressor, which pipeline() destroys with them.
  return pipeline(response, decompressor(), () => {});
}

/** Reads the body, stopping (and closing the connection) as soon as it passes the cap. */
async function readAtMost(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The charset by the HTML standard's order: a byte-order mark, then the Content-Type header, then
 * a <meta> in the first 1024 bytes, then UTF-8. A label TextDecoder does not know means UTF-8.
 */
function decodeBody(bytes: Buffer, contentType: string, type: PageType): string {
  const label =
    byteOrderMark(bytes) ??
    /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1] ??
    (type === 'text/plain' ? undefined : metaCharset(bytes)) ??
    'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function byteOrderMark(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** `<meta charset="windows-1251">` or `<meta http-equiv="Content-Type" content="text/html; charset=…">`. */
function metaCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 1024).toString('latin1');
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // dns.lookup cannot be cancelled; stop waiting for it instead.
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function connectionError(url: URL, error: unknown): BitextError {
  const code = errorCode(error);
  const what =
    code === 'ECONNREFUSED'
      ? 'refused the connection'
      : code === 'ECONNRESET'
        ? 'closed the connection'
        : `could not be reached (${code})`;
  return unreachable('connection', `${url.host} ${what}.`);
}

function errorCode(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return code ?? message;
}

function notAllowed(message: string): BitextError {
  return new BitextError('url_not_allowed', message);
}

type UnreachableReason = 'dns' | 'connection' | 'timeout' | 'http' | 'redirects';

function unreachable(reason: UnreachableReason, message: string, details?: Record<string, unknown>) {
  return new BitextError('url_unreachable', message, { reason, ...details });
}

function tooLarge(maxBytes: number): BitextError {
  return new BitextError('input_too_large', `The page is larger than ${maxBytes / 1_000_000} MB.`, {
    limit: maxBytes,
  });
}
