import 'server-only';
import { MODEL_LENGTH_HEADER } from '@/lib/pipeline/protocol';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BitextError, isBitextError } from '@/lib/errors';
import { errorResponse } from './http';

/**
 * Read-only serving of local model folders at /models/…, so the browser worker loads the same files the
 * server uses. Anything that is not plainly a file inside the folder is a 404, never a hint of what exists.
 */

/**
 * One path segment as model folders name them (`Xenova`, `opus-mt-en-ru`, `decoder_model_merged_q8.onnx`).
 * Allowing only these characters rules out `..`, hidden files, separators (decoded `%2F`, `\`), NUL,
 * drive letters and percent signs left over from double encoding, whatever the router decoded.
 */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,254}$/;
const MAX_SEGMENTS = 8;

/** Weights never change under the same name (a new version is a new pull); metadata may be re-pulled. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';

const TYPES: Record<string, { contentType: string; cacheControl: string }> = {
  '.json': { contentType: 'application/json', cacheControl: SHORT },
  '.txt': { contentType: 'text/plain; charset=utf-8', cacheControl: SHORT },
  '.onnx': { contentType: 'application/octet-stream', cacheControl: IMMUTABLE },
  '.onnx_data': { contentType: 'application/octet-stream', cacheControl: IMMUTABLE },
};
const OTHER = { contentType: 'application/octet-stream', cacheControl: SHORT };

export interface ModelFile {
  /** Real path on disk, inside the models folder. */
  path: string;
  size: number;
  modified: Date;
  contentType: string;
  cacheControl: string;
  etag: string;
}

/** The file `segments` names under `root`, or a `not_found` error. */
export async function findModelFile(root: string, segments: readonly string[]): Promise<ModelFile> {
  const notFound = new BitextError('not_found', `No model file at /models/${segments.join('/')}.`);
  if (segments.length === 0 || segments.length > MAX_SEGMENTS || !segments.every((s) => SEGMENT.test(s))) {
    throw notFound;
  }
  try {
    const realRoot = await realpath(root);
    // realpath follows every symlink on the way, so a link pointing out of the folder fails the prefix test.
    const file = await realpath(path.join(realRoot, ...segments));
    if (!file.startsWith(realRoot + path.sep)) throw notFound;
    const info = await stat(file);
    if (!info.isFile()) throw notFound;
    const type = TYPES[path.extname(file).toLowerCase()] ?? OTHER;
    return {
      path: file,
      size: info.size,
      modified: info.mtime,
      ...type,
      etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
    };
  } catch (error) {
    // ENOENT, ENOTDIR, ELOOP, EACCES…: all the same to a client.
    if (isBitextError(error) || (error instanceof Error && 'code' in error)) throw notFound;
    throw error;
  }
}

/** A GET or HEAD answer for /models/…: the file with caching headers, a 304, a byte range, or a 404. */
export async function serveModelFile(
  request: Request,
  root: string,
  segments: readonly string[],
): Promise<Response> {
  let file: ModelFile;
  try {
    file = await findModelFile(root, segments);
  } catch (error) {
    if (isBitextError(error)) return errorResponse(error.code, error.message, error.status);
    throw error;
  }

  const headers = new Headers({
    'Content-Type': file.contentType,
    'Cache-Control': file.cacheControl,
    ETag: file.etag,
    'Last-Modified': file.modified.toUTCString(),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
  });
  if (isFresh(request.headers, file)) return new Response(null, { status: 304, headers });

  const ifRange = request.headers.get('if-range');
  const rangeHeader = ifRange === null || ifRange === file.etag ? request.headers.get('range') : null;
  const range = rangeHeader === null ? undefined : parseRange(rangeHeader, file.size);
  if (range === 'unsatisfiable') {
    const refused = errorResponse('bad_request', `The range "${rangeHeader}" is outside the file.`, 416);
    refused.headers.set('Content-Range', `bytes */${file.size}`);
    return refused;
  }

  const { start, end } = range ?? { start: 0, end: file.size - 1 };
  const length = String(Math.max(0, end - start + 1));
  headers.set('Content-Length', length);
  // Next.js drops Content-Length from route handler responses (next/dist/server/send-response.js); the
  // browser worker reads the length from here to size its buffer and report download progress.
  headers.set(MODEL_LENGTH_HEADER, length);
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${file.size}`);
  const status = range ? 206 : 200;
  if (request.method === 'HEAD' || file.size === 0) return new Response(null, { status, headers });

  const stream = createReadStream(file.path, { start, end });
  // Node's and the DOM's ReadableStream types differ only in typing; Response accepts either at run time.
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, { status, headers });
}

function isFresh(request: Headers, file: ModelFile): boolean {
  const ifNoneMatch = request.get('if-none-match');
  if (ifNoneMatch !== null) {
    return (
      ifNoneMatch === '*' ||
      ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag)
    );
  }
  const ifModifiedSince = request.get('if-modified-since');
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(file.modified.getTime() / 1000) * 1000 <= since;
}

/**
 * One `bytes=` range (first-last, first-, or -suffix). Anything else — several ranges, other units,
 * nonsense — is ignored and the whole file sent, as RFC 9110 allows.
 */
export function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1], match[2]];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}
