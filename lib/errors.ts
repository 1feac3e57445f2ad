/**
 * Typed error codes. The API returns `{ error: { code, message } }`; the UI shows t(`Errors.${code}`),
 * so the code is the contract and the English message is only a fallback for API users.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  url_not_allowed: 400,
  forbidden: 403,
  not_found: 404,
  expired: 410,
  unsupported_content: 415,
  input_too_large: 413,
  /** Opened files, read in the browser ("Open a file"). */
  file_too_large: 413,
  file_unsupported: 415,
  file_corrupt: 422,
  file_encrypted: 422,
  file_scanned: 422,
  file_empty: 422,
  unsupported_language: 422,
  language_undetermined: 422,
  url_unreachable: 422,
  rate_limited: 429,
  /** The client went away or pressed Cancel (nginx's convention; never sent to a connected client). */
  cancelled: 499,
  internal: 500,
  model_unavailable: 503,
  queue_full: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class BitextError extends Error {
  readonly code: ErrorCode;
  /** Structured facts for clients (e.g. the model id and size for `model_unavailable`). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'BitextError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * Structural, not `instanceof`: Next.js bundles lib/errors separately into pages and route handlers, so an
 * error thrown by one bundle's copy of the class is not an instance of another's.
 */
export function isBitextError(error: unknown): error is BitextError {
  return (
    error instanceof Error &&
    error.name === 'BitextError' &&
    typeof (error as Partial<BitextError>).code === 'string' &&
    (error as BitextError).code in ERROR_STATUS
  );
}

/** An `AbortSignal` fired: stop quietly with a typed error rather than a generic AbortError. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BitextError('cancelled', 'The request was cancelled.');
}
