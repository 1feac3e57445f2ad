import { isWireError, type WireError } from '@/lib/errors';

/*
 * Errors as the UI receives them from the API. Turning any other error into a WireError is lib/errors'
 * `toWireError`, the same on every side.
 */

/** The API's `{ error }` body, or a stand-in naming the status when the body is not ours (a proxy's page). */
export async function responseError(response: Response): Promise<WireError> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (isWireError(body.error)) return body.error;
  } catch {
    // Not JSON: fall through.
  }
  return { code: 'internal', message: `The server answered ${response.status} ${response.statusText}.` };
}

/** Client-side twin of the API's 400/413: the same zod schema, so a bad request never leaves the page. */
export function invalidRequest(issues: { code: string; message: string }[]): WireError {
  return {
    code: issues.some((issue) => issue.code === 'too_big') ? 'input_too_large' : 'bad_request',
    message: issues.map((issue) => issue.message).join('; '),
  };
}
