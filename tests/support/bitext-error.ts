import { isBitextError, type BitextError } from '@/lib/errors';

/** The BitextError `promise` rejects with; anything else (a resolution, another error) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<BitextError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isBitextError(error)) throw new Error(`Expected a BitextError, got ${String(error)}`);
  return error;
}
