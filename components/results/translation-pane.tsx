import { useTranslations } from 'next-intl';
import { memo, useState } from 'react';

import { partsOf, type DigestView, type StepCount } from '@/hooks/use-digest';
import { nonCommercialModels } from '@/lib/models/registry';
import type { LanguageResult } from '@/lib/pipeline/digest';
import { summaryFailed } from '@/lib/pipeline/parts';
import type { SummaryType } from '@/lib/summarize/options';
import { Pronounced } from '../reading/pronunciation';
import { ReadingActions } from '../reading/reading-actions';
import { CopyButton } from '../ui/copy-button';
import { ProgressBar } from '../ui/progress-bar';
import { TabList, TabPanel, type TabItem } from '../ui/tabs';
import { useUiLanguage } from '../ui/ui-language';
import { ErrorMessage } from '../workspace/error-message';
import { useLanguages } from '../workspace/language-context';
import type { Highlight, OnHighlight } from './highlight';
import { Pane } from './pane';
import { SentenceParagraphs } from './sentence-paragraphs';
import { SummaryText } from './summary-pane';

interface Props {
  prefix: string;
  /** A second, pinned column (wide screens): its own title and place in the grid. */
  pinned?: { title: string; className: string };
  /** The tab open at first; the first target when absent or not a target. */
  initialTarget?: string;
  view: DigestView;
  /** Source sentence count per paragraph; translated sentences share the indices. */
  paragraphs?: readonly number[][];
  highlight: Highlight | null;
  onHighlight: OnHighlight;
  summaryIndexOf: (sentence: number) => number | undefined;
}

/**
 * One tab per target language. Switching only shows what already arrived (nothing is fetched or computed);
 * a language still on its way shows its own progress.
 */
export function TranslationPane({
  prefix,
  pinned,
  initialTarget,
  view,
  paragraphs,
  highlight,
  onHighlight,
  summaryIndexOf,
}: Props) {
  const t = useTranslations('TranslationPane');
  const { nameOf, dirOf } = useLanguages();
  const { targets } = view.request;
  const [selected, setSelected] = useState(initialTarget);
  const current = selected && (targets as readonly string[]).includes(selected) ? selected : targets[0];
  if (!current) return null;

  const { summary, translations } = partsOf(view);
  // Sentence progress exists only while the run goes.
  const translating = view.status === 'running' ? view.activity.translating : undefined;
  const result = translations[current];
  const targetTexts = result?.segments?.map((s) => s.target) ?? [];
  // NLLB-200's licence allows non-commercial use only: the reader must know, here and on a shared page.
  const restricted = nonCommercialModels(result?.models ?? []);
  const tabs: TabItem[] = targets.map((code) => ({
    id: code,
    label: nameOf(code),
    status: (
      <TabStatus result={translations[code]} step={translating?.[code]} running={translating !== undefined} />
    ),
  }));

  return (
    <Pane
      id={`${prefix}-translation`}
      title={pinned?.title ?? t('title')}
      meta={
        restricted.length > 0
          ? restricted.map(({ model, license }) => (
              <p key={model} className="text-xs text-neutral-600 dark:text-neutral-400">
                {t('nonCommercial', { model, license })}
              </p>
            ))
          : undefined
      }
      actions={
        <>
          <ReadingActions
            pane="translation"
            language={current}
            sentences={targetTexts}
            onHighlight={onHighlight}
          />
          <CopyButton text={result?.text ?? result?.summary?.text ?? ''} label={t('copy')} />
        </>
      }
      toolbar={
        <TabList label={t('tabs')} prefix={prefix} tabs={tabs} selected={current} onSelect={setSelected} />
      }
      className={pinned?.className ?? 'results-translation'}
    >
      <TabPanel prefix={prefix} id={current} lang={current} dir={dirOf(current)} className="results-rows">
        <Pronounced pane="translation" language={current}>
          <TranslationBody
            result={result}
            step={translating?.[current]}
            running={translating !== undefined}
            summaryMissing={summary !== undefined && summaryFailed(summary)}
            type={view.request.summary.type}
            paragraphs={paragraphs}
            highlight={highlight}
            onHighlight={onHighlight}
            summaryIndexOf={summaryIndexOf}
          />
        </Pronounced>
      </TabPanel>
    </Pane>
  );
}

interface BodyProps {
  result?: LanguageResult;
  step?: StepCount;
  running: boolean;
  /** The summary failed, so a summary-only translation has nothing to show. */
  summaryMissing: boolean;
  type: SummaryType;
  paragraphs?: readonly number[][];
  highlight: Highlight | null;
  onHighlight: OnHighlight;
  summaryIndexOf: (sentence: number) => number | undefined;
}

// Memoised: the pane renders again on every progress event of the other languages; a finished one's
// thousand sentences need not.
const TranslationBody = memo(function TranslationBody({
  result,
  step,
  running,
  summaryMissing,
  type,
  paragraphs,
  highlight,
  onHighlight,
  summaryIndexOf,
}: BodyProps) {
  const t = useTranslations('TranslationPane');
  // The panel is in the target's language; what the UI says about it is in the UI's.
  const ui = useUiLanguage();

  if (!result) {
    if (!running)
      return (
        <p {...ui} className="results-whole text-sm text-neutral-600 dark:text-neutral-400">
          {t('notTranslated')}
        </p>
      );
    return (
      <div {...ui} className="results-whole grid content-start gap-2 text-sm">
        <p className="text-neutral-700 dark:text-neutral-300">
          {step ? t('progress', { done: step.done, total: step.total }) : t('waiting')}
        </p>
        {step && <ProgressBar label={t('progressLabel')} value={step.done} max={step.total} />}
      </div>
    );
  }
  if (result.error) return <ErrorMessage error={result.error} className="results-whole self-start" />;

  const segments = result.segments;
  if (segments) {
    // Paragraph rows line up with the source's; without a layout (it did not match), one flowing paragraph.
    const rows =
      paragraphs && paragraphs.flat().length === segments.length ? paragraphs : [segments.map((_, i) => i)];
    return (
      <SentenceParagraphs
        texts={segments.map((s) => s.target)}
        doubts={segments.map((s) => s.doubtful)}
        paragraphs={rows}
        highlight={highlight}
        onHighlight={onHighlight}
        summaryIndexOf={summaryIndexOf}
      />
    );
  }
  if (result.summary) {
    return (
      <div className="results-whole reading self-start">
        <SummaryText
          sentences={result.summary.sentences}
          type={type}
          highlight={highlight}
          onHighlight={onHighlight}
        />
      </div>
    );
  }
  if (summaryMissing) {
    return (
      <p {...ui} className="results-whole text-sm text-neutral-600 dark:text-neutral-400">
        {t('noSummary')}
      </p>
    );
  }
  return null;
});

function TabStatus({
  result,
  step,
  running,
}: {
  result?: LanguageResult;
  step?: StepCount;
  running: boolean;
}) {
  if (result?.error) return <span className="text-red-700 dark:text-red-400">!</span>;
  if (result) return <span className="text-emerald-700 dark:text-emerald-400">✓</span>;
  if (!running) return null;
  if (!step || step.total === 0) return <span className="text-neutral-600 dark:text-neutral-400">…</span>;
  return (
    <span className="text-xs tabular-nums text-neutral-600 dark:text-neutral-400">
      {Math.round((step.done / step.total) * 100)}%
    </span>
  );
}
