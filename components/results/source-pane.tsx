import { useTranslations } from 'next-intl';
import { memo, useMemo } from 'react';

import { joinParagraphs, type SourceSentence } from '@/lib/pipeline/document';
import { Pronounced } from '../reading/pronunciation';
import { ReadingActions } from '../reading/reading-actions';
import { CopyButton } from '../ui/copy-button';
import { useLanguages } from '../workspace/language-context';
import type { Highlight, OnHighlight } from './highlight';
import { Pane } from './pane';
import { SentenceParagraphs } from './sentence-paragraphs';

interface Props {
  prefix: string;
  /** The article as the engines see it: split into sentences when its language is known. */
  sentences?: readonly SourceSentence[];
  paragraphs: readonly number[][];
  /** Before the language is known: the cleaned article's paragraphs, unsplit. */
  plainParagraphs: readonly string[];
  language?: string;
  highlight: Highlight | null;
  onHighlight: OnHighlight;
  summaryIndexOf: (sentence: number) => number | undefined;
}

export const sourceSentenceId = (prefix: string, index: number) => `${prefix}-source-${index}`;

/** The article, cleaned, sentence by sentence: each one lights up its translation and its summary line. */
export const SourcePane = memo(function SourcePane(props: Props) {
  const { prefix, sentences, paragraphs, plainParagraphs, language, highlight, onHighlight, summaryIndexOf } =
    props;
  const t = useTranslations('SourcePane');
  const { nameOf, dirOf } = useLanguages();
  const sentenceTexts = useMemo(() => sentences?.map((s) => s.text) ?? [], [sentences]);
  const copyText = useMemo(
    () => (sentences ? joinParagraphs(sentenceTexts, sentences) : plainParagraphs.join('\n\n')),
    [sentences, sentenceTexts, plainParagraphs],
  );

  return (
    <Pane
      id={`${prefix}-source`}
      title={t('title')}
      meta={language && nameOf(language)}
      actions={
        <>
          <ReadingActions
            pane="source"
            language={language}
            sentences={sentenceTexts}
            onHighlight={onHighlight}
          />
          <CopyButton text={copyText} label={t('copy')} />
        </>
      }
      className="results-source"
    >
      <Pronounced pane="source" language={language}>
        <div lang={language} dir={language ? dirOf(language) : 'auto'} className="results-rows reading">
          {sentences ? (
            <SentenceParagraphs
              texts={sentenceTexts}
              paragraphs={paragraphs}
              highlight={highlight}
              onHighlight={onHighlight}
              summaryIndexOf={summaryIndexOf}
              idOf={(i) => sourceSentenceId(prefix, i)}
            />
          ) : (
            plainParagraphs.map((paragraph, p) => <p key={p}>{paragraph}</p>)
          )}
        </div>
      </Pronounced>
    </Pane>
  );
});
