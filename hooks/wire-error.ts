import type { WireError } from '@/lib/pipeline/protocol';

/*
 * Errors as the UI receives them, whichever engine ran: the worker posts WireErrors, the API answers
 * `{ error: WireError }`, and anything else (a dropped connection, a bug) becomes `internal`.
 */

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WireError).code === 'string' &&
    typeof (value as WireError).message === 'string'
  );
}

export function toWireError(error: unknown): WireError {
  if (isWireError(error)) return { code: error.code, message: error.message, details: error.details };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export const CANCELLED: WireError = { code: 'cancelled', message: 'The run was cancelled.' };

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
