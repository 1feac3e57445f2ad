/**
 * Typed error codes. The API returns `{ error: { code, message } }`; the UI shows t(`Errors.${code}`),
 * so the code is the contract and the English message is only a fallback for API users.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  /** "Import from URL" was given something that is not a URL at all. */
  url_invalid: 400,
  /** A URL, but one Bitext refuses to fetch (not http(s), credentials, a private address). */
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
  /** The page was fetched and is HTML or text, but holds no article to read. */
  no_article: 422,
  /**
   * Only a non-commercial model (NLLB-200) serves the pair and BITEXT_ALLOW_NONCOMMERCIAL=0. 422 like
   * unsupported_language: a valid request this server will not serve as configured; retrying cannot help
   * (not 503), and no credential changes it (not 403).
   */
  noncommercial_disallowed: 422,
  rate_limited: 429,
  /** The client went away or pressed Cancel (nginx's convention; never sent to a connected client). */
  cancelled: 499,
  internal: 500,
  /**
   * /api/v1/translate or an abstractive /api/v1/summarize on a web process of the scaled-out topology
   * (BITEXT_REDIS_URL set): web processes load no models, inference runs on workers behind the digest queue.
   * Not 503: retrying the same server cannot help; POST /api/v1/digests (or the browser engine) can.
   */
  models_on_workers: 501,
  model_unavailable: 503,
  queue_full: 503,
  /** Redis (the shared job queue) cannot be reached; the browser engine still works. */
  queue_unavailable: 503,
  /** The share database (Postgres) is down: writes are refused with Retry-After; hot shares still read. */
  store_unavailable: 503,
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
  if (signal?.aborted) throw new BitextError(CANCELLED.code, CANCELLED.message);
}

/** An error as it crosses a boundary (worker message, API body, SSE event): plain data, no class. */
export interface WireError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** The one wording of a stopped run, whichever engine ran it and whoever stopped it. */
export const CANCELLED: WireError = { code: 'cancelled', message: 'The run was cancelled.' };

/** Shaped like a WireError with a code of ours (what the worker posts and the API answers). */
export function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Partial<WireError>;
  return typeof code === 'string' && code in ERROR_STATUS && typeof message === 'string';
}

/**
 * Any error as a WireError: ours (a BitextError, or one that already crossed the wire) keeps its code,
 * message and details; anything else is a bug, logged here and sent as `internal` without its text, which
 * may say more about our insides than a client should read.
 */
export function toWireError(error: unknown): WireError {
  if (isBitextError(error) || isWireError(error)) {
    return { code: error.code, message: error.message, ...(error.details && { details: error.details }) };
  }
  console.error('Unexpected error', error);
  return { code: 'internal', message: 'Something went wrong on our side.' };
}
