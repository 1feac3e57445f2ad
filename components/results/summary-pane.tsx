import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';

import { partsOf, type DigestView } from '@/hooks/use-digest';
import { summaryFailed } from '@/lib/pipeline/parts';
import type { SummarySentence, SummaryType } from '@/lib/summarize/options';
import { CopyButton } from '../ui/copy-button';
import { ErrorMessage } from '../workspace/error-message';
import { useLanguages } from '../workspace/language-context';
import {
  gapBetween,
  HIGHLIGHT_CLASS,
  highlightHandlers,
  type Highlight,
  type OnHighlight,
} from './highlight';
import { Pane } from './pane';
import { PronouncedText } from '../reading/pronunciation';
import { useRovingFocus } from './roving-focus';
import { DoubtMarker } from './sentence-paragraphs';

interface Props {
  prefix: string;
  view: DigestView;
  language?: string;
  highlight: Highlight | null;
  onHighlight: OnHighlight;
  /** Scrolls the source to a sentence and focuses it. */
  onShowSource: (sentence: number) => void;
}

const ORIGINAL = 'original';

/**
 * The summary, readable in the article's language or any target whose translation included it. Key sentences
 * point back at the source sentences they came from.
 */
export function SummaryPane({ prefix, view, language, highlight, onHighlight, onShowSource }: Props) {
  const t = useTranslations('SummaryPane');
  const { nameOf, dirOf } = useLanguages();
  const hintId = useId();
  const [reading, setReading] = useState(ORIGINAL);
  const { request } = view;
  const { summary, translations } = partsOf(view);
  const failure = summary && summaryFailed(summary) ? summary.error : undefined;
  const made = summary && !summaryFailed(summary) ? summary : undefined;
  const translated = request.targets.filter((code) => translations[code]?.summary);
  const current = (translated as readonly string[]).includes(reading) ? reading : ORIGINAL;
  const shownLanguage = current === ORIGINAL ? language : current;
  const shown = current === ORIGINAL ? made : translations[current]?.summary;
  const type = request.summary.type;
  const extractive = summary?.mode === 'extractive';

  return (
    <Pane
      id={`${prefix}-summary`}
      title={t('title')}
      meta={made && (extractive ? t('extractive') : t('abstractive'))}
      actions={<CopyButton text={shown?.text ?? ''} label={t('copy')} />}
      className="results-summary"
    >
      <div className="results-sticky grid gap-4 pt-4">
        {translated.length > 0 && (
          // A list, not a row of buttons: four language names never fit one row of this narrow column.
          <label className="flex min-w-0 items-center gap-2 text-sm">
            <span className="shrink-0 font-medium text-neutral-700 dark:text-neutral-300">{t('readIn')}</span>
            <select
              value={current}
              onChange={(event) => setReading(event.target.value)}
              className="min-w-0 flex-1 truncate rounded-lg border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
            >
              <option value={ORIGINAL}>
                {language ? t('original', { language: nameOf(language) }) : t('originalUnknown')}
              </option>
              {translated.map((code) => (
                <option key={code} value={code}>
                  {nameOf(code)}
                </option>
              ))}
            </select>
          </label>
        )}
        {shown ? (
          <div lang={shownLanguage} dir={shownLanguage ? dirOf(shownLanguage) : 'auto'} className="reading">
            <SummaryText
              sentences={shown.sentences}
              type={type}
              highlight={highlight}
              onHighlight={onHighlight}
              onShowSource={extractive ? onShowSource : undefined}
              hintId={hintId}
            />
          </div>
        ) : failure ? (
          <ErrorMessage error={failure} />
        ) : view.status === 'running' ? (
          <Placeholder label={t('pending')} />
        ) : (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">{t('none')}</p>
        )}
        {extractive && shown && (
          <p id={hintId} className="text-xs text-neutral-600 dark:text-neutral-400">
            {t('sourceHint')}
          </p>
        )}
      </div>
    </Pane>
  );
}

interface TextProps {
  sentences: readonly SummarySentence[];
  type: SummaryType;
  highlight: Highlight | null;
  onHighlight: OnHighlight;
  /** Makes each key sentence a button to its place in the source, described by the hint `hintId` names. */
  onShowSource?: (sentence: number) => void;
  hintId?: string;
}

/**
 * A summary's sentences as its type lays them out (bullets, a paragraph, a headline), each lit up with the
 * source sentences it came from on hover and focus, all one Tab stop. The summary pane and the translation
 * tabs both use it.
 */
export function SummaryText({ sentences, type, highlight, onHighlight, onShowSource, hintId }: TextProps) {
  // Only a sentence that quotes the source has something to light up, and only it is focusable.
  const quoting = sentences.flatMap((sentence, j) => (sentence.sources.length > 0 ? [j] : []));
  const { container, item } = useRovingFocus(quoting);
  const className = (j: number) =>
    `rounded-sm box-decoration-clone text-start transition-colors motion-reduce:transition-none ${
      highlight?.summary === j ? HIGHLIGHT_CLASS : ''
    }`;
  const items = sentences.map((sentence, j) => {
    const first = sentence.sources[0];
    return onShowSource && first !== undefined ? (
      // A button (a block, so a bullet sits on its first line): a key sentence leads to its place in the article.
      <button
        key={j}
        type="button"
        data-summary={j}
        {...item(j)}
        aria-describedby={hintId}
        onClick={() => onShowSource(first)}
        className={`${className(j)} block w-full cursor-pointer hover:underline hover:decoration-amber-500 hover:underline-offset-4`}
        {...highlightHandlers({ sources: sentence.sources, summary: j }, onHighlight)}
      >
        <PronouncedText text={sentence.text} />
        {sentence.doubtful && <DoubtMarker reason={sentence.doubtful} />}
      </button>
    ) : (
      <span
        key={j}
        data-summary={j}
        className={className(j)}
        {...(sentence.sources.length > 0 && {
          ...item(j),
          ...highlightHandlers({ sources: sentence.sources, summary: j }, onHighlight),
        })}
      >
        <PronouncedText text={sentence.text} />
        {sentence.doubtful && <DoubtMarker reason={sentence.doubtful} />}
      </span>
    );
  });

  return (
    <div {...container} className="contents">
      {layOut(items, sentences, type, onShowSource !== undefined)}
    </div>
  );
}

/** Bullets, a headline, quoted sentences one under another, or a model's rewrite as one paragraph. */
function layOut(
  items: ReactNode[],
  sentences: readonly SummarySentence[],
  type: SummaryType,
  quoted: boolean,
) {
  if (type === 'key-points') {
    return (
      <ul className="list-disc space-y-2 ps-5 marker:text-neutral-400">
        {items.map((item, j) => (
          <li key={j}>{item}</li>
        ))}
      </ul>
    );
  }
  if (type === 'headline') return <div className="text-xl leading-snug font-semibold">{items}</div>;
  if (quoted) return <div className="grid gap-2">{items}</div>;
  return (
    <p>
      {items.map((item, j) => (
        <span key={j}>
          {j > 0 && gapBetween(sentences[j - 1]?.text ?? '', sentences[j]?.text ?? '')}
          {item}
        </span>
      ))}
    </p>
  );
}

function Placeholder({ label }: { label: string }) {
  return (
    <div className="grid gap-2">
      <p className="text-sm text-neutral-600 dark:text-neutral-400">{label}</p>
      {[92, 80, 86].map((width) => (
        <div
          key={width}
          aria-hidden="true"
          className="h-3 animate-pulse rounded bg-neutral-200 motion-reduce:animate-none dark:bg-neutral-800"
          style={{ width: `${width}%` }}
        />
      ))}
    </div>
  );
}
