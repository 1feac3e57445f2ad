import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { memo, useCallback, useMemo, useState, type CSSProperties, type ReactNode } from 'react';

import { partsOf, type DigestView } from '@/hooks/use-digest';
import type { ErrorCode } from '@/lib/errors';
import { isLanguageCode } from '@/lib/langs';
import { cleanArticle, sentencesOf, type SourceSentence } from '@/lib/pipeline/document';
import { summaryFailed } from '@/lib/pipeline/parts';
import { splitParagraphs } from '@/lib/text/normalize';
import { useStoredState } from '@/hooks/use-stored-state';
import { usePronunciationExport } from '../reading/pronunciation';
import { SegmentedControl } from '../ui/segmented-control';
import { Button } from '../ui/button';
import { useLanguages } from '../workspace/language-context';
import { paragraphsOf, type Highlight, type OnHighlight } from './highlight';
import { digestMarkdown, headlineOf, markdownFileName } from './markdown';
import { SourcePane, sourceSentenceId } from './source-pane';
import { SummaryPane } from './summary-pane';
import { TranslationPane } from './translation-pane';
import { DownloadIcon } from '../ui/icons';
import { reveal } from '../ui/reveal';
import { SkipLink } from '../ui/skip-link';

// One results view per page, so fixed ids keep the jump links and "show in source" simple.
const PREFIX = 'results';

// Loaded when a reader first switches to it.
const InterlinearView = dynamic(() =>
  import('../reading/interlinear-view').then((module) => module.InterlinearView),
);

const LAYOUTS = ['side-by-side', 'interlinear'] as const;
type Layout = (typeof LAYOUTS)[number];
const parseLayout = (stored: unknown): Layout => (stored === 'interlinear' ? stored : 'side-by-side');
const parsePinned = (stored: unknown) => stored === true;
// One empty list, so the memoised source pane is not re-rendered for a new one.
const NO_PARAGRAPHS: readonly number[][] = [];

interface Props {
  view: DigestView;
  /** The article's language as known when Run was pressed (chosen or detected); the result's own wins. */
  language?: string;
  /** The translation tab open at first (a shared link's `?lang=`); otherwise the first target. */
  initialTarget?: string;
  /** Where the article being read was typed (the workspace's): a skip link leads back to it. */
  articleHref?: string;
  /** Beside Download: the workspace's Share (a shared page has nothing to share). */
  share?: ReactNode;
}

function sameSentences(a?: readonly SourceSentence[], b?: readonly SourceSentence[]): boolean {
  if (!a || !b || a.length !== b.length) return a === b;
  return a.every((s, i) => s.text === b[i]?.text && s.paragraph === b[i].paragraph && s.latin === b[i].latin);
}

/** `value`, or the one before it while `equal` says they are the same: what memoised children compare. */
function useKeptWhileEqual<T>(value: T, equal: (a: T, b: T) => boolean): T {
  const [kept, setKept] = useState(value);
  if (kept === value || equal(kept, value)) return kept;
  setKept(value);
  return value;
}

/**
 * Source | Summary | Translation, side by side on a wide screen with paragraph rows lined up across the
 * columns (see `.results-grid` in globals.css), stacked on a narrow one. Fills in while the run goes.
 */
export const ResultsView = memo(function ResultsView({
  view,
  language: provisional,
  initialTarget,
  articleHref,
  share,
}: Props) {
  const t = useTranslations('ResultsView');
  const errors = useTranslations('Errors');
  const { nameOf } = useLanguages();
  const [pointed, setPointed] = useState<Highlight | null>(null);
  const [focused, setFocused] = useState<Highlight | null>(null);
  const highlight = pointed ?? focused;
  const onHighlight = useCallback<OnHighlight>(
    (source, next) => (source === 'pointer' ? setPointed(next) : setFocused(next)),
    [],
  );
  const { request } = view;
  const result = view.status === 'done' ? view.result : undefined;
  const parts = partsOf(view);
  const language = result?.language ?? provisional;
  const [layout, setLayout] = useStoredState('bitext.layout', parseLayout, 'side-by-side');
  // The interlinear view's sentence; lit up in the side-by-side view on the way back.
  const [current, setCurrent] = useState(0);
  // A second translation column beside the first, on screens wide enough for four columns of text.
  const [pinnedSetting, setPinned] = useStoredState('bitext.pinned', parsePinned, false);
  const targets = request.targets;
  const pinned = pinnedSetting && targets.length > 1;

  const body = useMemo(() => cleanArticle(request.text).body, [request.text]);
  const plainParagraphs = useMemo(() => splitParagraphs(body), [body]);
  // Until the result brings the engine's own sentences, split here the same way (the same lib code), so
  // partial results can already be read sentence by sentence.
  const split = useMemo(
    () =>
      result?.sentences ?? (language && isLanguageCode(language) ? sentencesOf(body, language) : undefined),
    [result, language, body],
  );
  // The result's sentences are usually those split here: kept as they were, the source pane (a thousand
  // sentences at 100k characters) is not rendered again when the run finishes.
  const sentences = useKeptWhileEqual(split, sameSentences);
  const paragraphs = useMemo(() => sentences && paragraphsOf(sentences), [sentences]);
  const rows = paragraphs?.length ?? plainParagraphs.length;

  const summary = parts.summary && !summaryFailed(parts.summary) ? parts.summary : undefined;
  const summaryIndexOf = useCallback(
    (sentence: number) => {
      const index = summary?.sentences.findIndex((s) => s.sources.includes(sentence)) ?? -1;
      return index === -1 ? undefined : index;
    },
    [summary],
  );

  // What the translation column and a pinned second one share.
  const translation = { view, paragraphs, highlight, onHighlight, summaryIndexOf };

  function changeLayout(next: Layout) {
    setLayout(next);
    if (next !== 'side-by-side') return;
    setFocused({ sources: [current], summary: summaryIndexOf(current) });
    requestAnimationFrame(() =>
      document.getElementById(sourceSentenceId(PREFIX, current))?.scrollIntoView({ block: 'center' }),
    );
  }

  const showSource = useCallback((sentence: number) => {
    const element = document.getElementById(sourceSentenceId(PREFIX, sentence));
    if (!element) return;
    reveal(element, 'center');
    element.focus({ preventScroll: true });
  }, []);

  const pronunciationExport = usePronunciationExport(language);

  async function download() {
    if (!result) return;
    const latinOf = await pronunciationExport();
    const markdown = digestMarkdown(result, request.summary.type, {
      fallbackTitle: t('markdown.title'),
      summary: t('markdown.summary'),
      article: t('markdown.article'),
      source: t('markdown.source'),
      nameOf,
      errorOf: (code) => (errors.has(code as ErrorCode) ? errors(code as ErrorCode) : errors('internal')),
      latinOf,
    });
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = markdownFileName(headlineOf(result), `bitext-${new Date().toISOString().slice(0, 10)}`);
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section aria-labelledby={`${PREFIX}-heading`} className="results grid gap-4">
      {/* Along the bottom: the buttons line up with the view switch under its legend. */}
      <div className="relative flex flex-wrap items-end justify-between gap-3">
        {/* Focusable: the workspace's "Skip to results" lands here. */}
        <h2 id={`${PREFIX}-heading`} tabIndex={-1} className="text-xl font-semibold tracking-tight">
          {t('heading')}
        </h2>
        {articleHref && <SkipLink href={articleHref}>{t('skipToArticle')}</SkipLink>}
        <nav aria-label={t('jump')} className="results-jump text-sm">
          <a href={`#${PREFIX}-summary`} className="underline underline-offset-4">
            {t('jumpSummary')}
          </a>
          <a href={`#${PREFIX}-translation`} className="underline underline-offset-4">
            {t('jumpTranslation')}
          </a>
        </nav>
        <div className="ms-auto">
          <SegmentedControl
            legend={t('layout.legend')}
            options={LAYOUTS.map((value) => ({ value, label: t(`layout.${value}`) }))}
            value={layout}
            onChange={changeLayout}
          />
        </div>
        {targets.length > 1 && layout === 'side-by-side' && (
          // Wrapped: the wrapper's CSS shows it only where a pinned column fits (see globals.css).
          <span className="results-pin">
            <Button aria-pressed={pinned} onClick={() => setPinned(!pinned)}>
              {t('pin')}
            </Button>
          </span>
        )}
        <Button onClick={() => void download()} disabled={!result}>
          <DownloadIcon />
          {t('download')}
        </Button>
        {share}
        {layout === 'side-by-side' && (
          <p className="basis-full text-xs text-neutral-600 dark:text-neutral-400">{t('keys')}</p>
        )}
      </div>
      {layout === 'interlinear' && sentences ? (
        <InterlinearView
          prefix={PREFIX}
          sentences={sentences.map((s) => s.text)}
          language={language}
          targets={targets}
          translations={parts.translations}
          current={Math.min(current, sentences.length - 1)}
          onCurrent={setCurrent}
        />
      ) : (
        <div
          className="results-grid"
          data-pinned={pinned || undefined}
          style={{ '--rows': rows, '--span': rows + 1 } as CSSProperties}
        >
          <SourcePane
            prefix={PREFIX}
            sentences={sentences}
            paragraphs={paragraphs ?? NO_PARAGRAPHS}
            plainParagraphs={plainParagraphs}
            language={language}
            highlight={highlight}
            onHighlight={onHighlight}
            summaryIndexOf={summaryIndexOf}
          />
          <SummaryPane
            prefix={PREFIX}
            view={view}
            language={language}
            highlight={highlight}
            onHighlight={onHighlight}
            onShowSource={showSource}
          />
          <TranslationPane prefix={PREFIX} initialTarget={initialTarget} {...translation} />
          {pinned && (
            <TranslationPane
              prefix={`${PREFIX}-pinned`}
              pinned={{ title: t('pinnedTitle'), className: 'results-pinned' }}
              initialTarget={targets[1]}
              {...translation}
            />
          )}
        </div>
      )}
    </section>
  );
});
