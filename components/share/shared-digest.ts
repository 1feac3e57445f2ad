import type { DigestState } from '@/hooks/use-digest';
import { isLanguageCode, type LanguageCode } from '@/lib/langs';
import type { DigestRequest, DigestResult, LanguageResult } from '@/lib/pipeline/digest';
import { cleanArticle, joinParagraphs } from '@/lib/pipeline/document';
import type { Share } from '@/lib/schemas/share';
import { finishedState } from '../reading/finished-state';

function languageOf(code: string): LanguageCode {
  // The store refuses shares in languages the table lacks, so this only fails on a corrupt database.
  if (!isLanguageCode(code)) throw new Error(`A share holds an unknown language code "${code}".`);
  return code;
}

/**
 * A share as the finished run the workspace would have shown, so the share page reuses the workspace's
 * results view as it is.
 */
export function sharedDigest(share: Share): { state: DigestState; request: DigestRequest } {
  const targets = Object.keys(share.translations).map(languageOf);
  const language = languageOf(share.source.language);
  const request: DigestRequest = {
    text: share.source.text,
    source: language,
    targets,
    summary: share.options.summary,
    translate: share.options.translate,
  };
  const translations = Object.fromEntries(
    Object.entries(share.translations).map(([code, translation]): [string, LanguageResult] => [
      code,
      {
        ...translation,
        // Not stored (it is the segments again): rebuilt with the source's paragraphs, as the engines do.
        text: translation.segments
          ? joinParagraphs(
              translation.segments.map((s) => s.target),
              share.sentences,
            )
          : undefined,
      },
    ]),
  );
  const result: DigestResult = {
    language,
    removed: cleanArticle(share.source.text).removed,
    sentences: share.sentences,
    summary: share.summary,
    translations,
  };
  return { state: finishedState(request, result), request };
}
