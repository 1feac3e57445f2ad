import type { DigestState } from '@/hooks/use-digest';
import type { DigestRequest, DigestResult } from '@/lib/pipeline/digest';

/** A result made earlier (shared, or kept in history) as the state of a run that just finished. */
export function finishedState(request: DigestRequest, result: DigestResult): DigestState {
  return {
    status: 'done',
    run: 0,
    request,
    downloads: {},
    translating: {},
    summary: result.summary,
    translations: result.translations,
    result,
  };
}
