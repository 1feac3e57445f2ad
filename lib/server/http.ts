import 'server-only';
import type * as z from 'zod/mini';
import { BitextError, ERROR_STATUS, toWireError, type ErrorCode } from '@/lib/errors';
import { isLanguageCode, type LanguageCode } from '@/lib/langs';
import { LIMITS } from '@/lib/limits';

/**
 * The shape every route handler shares: read and validate the JSON body, run one lib function, answer
 * JSON. Every failure becomes `{ error: { code, message } }` with a 4xx, or a logged 500 for our bugs.
 */
export function errorResponse(
  code: ErrorCode,
  message: string,
  status: number,
  details?: Record<string, unknown>,
): Response {
  // `retryAfter` (seconds) is how rate_limited and queue_full tell clients when to come back.
  const retryAfter =
    typeof details?.retryAfter === 'number' ? { 'Retry-After': String(details.retryAfter) } : undefined;
  return Response.json(
    { error: { code, message, ...(details ? { details } : {}) } },
    { status, headers: retryAfter },
  );
}

/** Reads the body, stopping as soon as it passes `maxBytes` (a 413, not a full read into memory). */
export async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new BitextError('input_too_large', `The request body is over the limit of ${maxBytes} bytes.`, {
      maxBytes,
    });
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

export async function readJson<S extends z.ZodMiniType>(
  request: Request,
  schema: S,
  { maxBytes = LIMITS.requestBytes }: { maxBytes?: number } = {},
): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new BitextError('bad_request', 'Send a JSON body with Content-Type: application/json.');
  }
  const text = (await readBytes(request, maxBytes)).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BitextError('bad_request', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    // Over-long input is its own status so clients can tell "too big" from "malformed".
    const tooBig = parsed.error.issues.some((i) => i.code === 'too_big');
    throw new BitextError(
      tooBig ? 'input_too_large' : 'bad_request',
      issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
      { issues },
    );
  }
  return parsed.data;
}

export function supportedLanguage(code: string): LanguageCode;
export function supportedLanguage(code: string | undefined): LanguageCode | undefined;
export function supportedLanguage(code: string | undefined): LanguageCode | undefined {
  if (code === undefined) return undefined;
  if (!isLanguageCode(code)) {
    throw new BitextError('unsupported_language', `Bitext does not support the language "${code}".`);
  }
  return code;
}

/** Runs a route's work: a returned Response goes out as is, anything else as JSON; errors map to codes. */
export async function handle(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    return result instanceof Response ? result : Response.json(result);
  } catch (error) {
    const { code, message, details } = toWireError(error);
    return errorResponse(code, message, ERROR_STATUS[code], details);
  }
}

/**
 * The origin the client used, for links we hand out: `request.url` reflects the address the server bound to
 * (`next start -H 127.0.0.1` says localhost), the Host header what the reader typed.
 */
export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const protocol = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(/:$/, '');
  return `${protocol}://${host}`;
}
