import { useTranslations } from 'next-intl';

import { joinParagraphs, type SourceSentence } from '@/lib/pipeline/document';
import { CopyButton } from '../ui/copy-button';
import { useLanguages } from '../workspace/language-context';
import { gapBetween, type Highlight, type OnHighlight } from './highlight';
import { Pane } from './pane';
import { SentenceSpan } from './sentence-span';

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
export function SourcePane(props: Props) {
  const { prefix, sentences, paragraphs, plainParagraphs, language, highlight, onHighlight, summaryIndexOf } =
    props;
  const t = useTranslations('SourcePane');
  const { nameOf, dirOf } = useLanguages();
  const copyText = sentences
    ? joinParagraphs(
        sentences.map((s) => s.text),
        sentences,
      )
    : plainParagraphs.join('\n\n');

  return (
    <Pane
      id={`${prefix}-source`}
      title={t('title')}
      meta={language && nameOf(language)}
      actions={<CopyButton text={copyText} label={t('copy')} />}
      className="results-source"
    >
      <div lang={language} dir={language ? dirOf(language) : 'auto'} className="results-rows reading">
        {sentences
          ? paragraphs.map((indices, p) => (
              <p key={p}>
                {indices.map((i, n) => (
                  <span key={i}>
                    {n > 0 &&
                      gapBetween(sentences[indices[n - 1] ?? i]?.text ?? '', sentences[i]?.text ?? '')}
                    <SentenceSpan
                      id={sourceSentenceId(prefix, i)}
                      index={i}
                      text={sentences[i]?.text ?? ''}
                      highlighted={highlight?.sources.includes(i) ?? false}
                      focusable
                      onEnter={() => onHighlight({ sources: [i], summary: summaryIndexOf(i) })}
                      onLeave={() => onHighlight(null)}
                    />
                  </span>
                ))}
              </p>
            ))
          : plainParagraphs.map((paragraph, p) => <p key={p}>{paragraph}</p>)}
      </div>
    </Pane>
  );
}
