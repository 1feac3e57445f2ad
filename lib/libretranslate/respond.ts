import 'server-only';
import { ERROR_STATUS, isBitextError, type ErrorCode } from '@/lib/errors';

/**
 * LibreTranslate's error contract: `{ error: "<message>" }`, 400 for any bad request, 403 for keys, 429
 * for limits (with Retry-After). Mastodon reads 429 as "too many requests" and 403 as "quota exceeded",
 * so a full queue is a 429 too: the client should come back later, which is what it does on 429.
 */
const LIBRE_STATUS: Partial<Record<ErrorCode, number>> = {
  unsupported_language: 400,
  language_undetermined: 400,
  input_too_large: 400,
  unsupported_content: 400,
  expired: 404,
  queue_full: 429,
};

function errorStatus(code: ErrorCode): number {
  return LIBRE_STATUS[code] ?? ERROR_STATUS[code];
}

/**
 * Browser clients (web pages, extensions) call LibreTranslate servers from other origins, so any origin may
 * read the answers; that is safe because nothing here rests on cookies: a key travels in the body.
 */
const ALLOW_ORIGIN = 'Access-Control-Allow-Origin';

/** The answer to a CORS preflight (a JSON POST from a page on another origin sends one). */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      [ALLOW_ORIGIN]: '*',
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Max-Age': '86400',
    },
  });
}

export async function libreResponse(run: () => Promise<unknown>): Promise<Response> {
  const response = await respond(run);
  response.headers.set(ALLOW_ORIGIN, '*');
  return response;
}

async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    return result instanceof Response ? result : Response.json(result);
  } catch (error) {
    if (!isBitextError(error)) {
      console.error(error);
      return Response.json({ error: 'Something went wrong on our side.' }, { status: 500 });
    }
    const retryAfter = error.details?.retryAfter;
    return Response.json(
      { error: error.message },
      {
        status: errorStatus(error.code),
        headers: typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : undefined,
      },
    );
  }
}
