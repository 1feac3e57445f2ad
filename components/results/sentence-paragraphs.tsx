import { useTranslations } from 'next-intl';

import type { DoubtReason } from '@/lib/pipeline/quality';
import { PronouncedText } from '../reading/pronunciation';
import {
  gapBetween,
  HIGHLIGHT_CLASS,
  highlightHandlers,
  type Highlight,
  type OnHighlight,
} from './highlight';
import { useRovingFocus } from './roving-focus';

interface Props {
  /** Sentence texts by source-sentence index (a translation's share the source's indices). */
  texts: readonly string[];
  /** Sentence indices per paragraph: one `<p>` each, so each is a row of the results grid. */
  paragraphs: readonly number[][];
  highlight: Highlight | null;
  onHighlight: OnHighlight;
  /** The summary sentence quoting a source sentence, lit up along with it. */
  summaryIndexOf: (sentence: number) => number | undefined;
  /** Ids for sentences something scrolls to ("show in source"). */
  idOf?: (sentence: number) => string;
  /** Why a sentence's translation is doubtful, by sentence index (absent: none is). */
  doubts?: readonly (DoubtReason | undefined)[];
}

/**
 * Running text whose every sentence lights up its counterparts (the translation, the source, the summary line)
 * when hovered or focused. The sentences are one Tab stop; the arrow keys and j/k move between them.
 */
export function SentenceParagraphs({
  texts,
  paragraphs,
  highlight,
  onHighlight,
  summaryIndexOf,
  idOf,
  doubts,
}: Props) {
  const { container, item } = useRovingFocus(paragraphs.flat());
  // `contents`: each paragraph stays a row of the results grid.
  return (
    <div {...container} className="contents">
      {paragraphs.map((indices, p) => (
        <p key={p} className="reading">
          {indices.map((i, n) => {
            const previous = indices[n - 1];
            return (
              <span key={i}>
                {previous !== undefined && gapBetween(texts[previous] ?? '', texts[i] ?? '')}
                <span
                  id={idOf?.(i)}
                  data-sentence={i}
                  {...item(i)}
                  {...highlightHandlers({ sources: [i], summary: summaryIndexOf(i) }, onHighlight)}
                  className={`rounded-sm box-decoration-clone transition-colors duration-150 motion-reduce:transition-none ${
                    highlight?.sources.includes(i) ? HIGHLIGHT_CLASS : ''
                  }`}
                >
                  <PronouncedText text={texts[i] ?? ''} />
                  {doubts?.[i] && <DoubtMarker reason={doubts[i]} />}
                </span>
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}

/**
 * A quiet mark after a sentence the checks doubt (empty, wrong script, a loop, a far-off length): a reader of
 * a language they cannot read has no other way to know. The reason is its tooltip and what a screen reader
 * says with the sentence.
 */
export function DoubtMarker({ reason }: { reason: DoubtReason }) {
  const t = useTranslations('SentenceParagraphs');
  const label = t(`doubtful.${reason}`);
  return (
    <sup
      data-doubtful={reason}
      title={label}
      className="ms-0.5 cursor-help text-xs text-amber-700 dark:text-amber-400"
    >
      <span aria-hidden="true">?</span>
      <span className="sr-only">{label}</span>
    </sup>
  );
}
