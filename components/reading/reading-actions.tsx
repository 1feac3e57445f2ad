'use client';

import type { OnHighlight } from '../results/highlight';
import { Listen } from './listen';
import { PronunciationToggle, type PronunciationPane } from './pronunciation';

interface Props {
  pane: PronunciationPane;
  language?: string;
  /** The pane's sentences, by source-sentence index. */
  sentences: readonly string[];
  onHighlight: OnHighlight;
}

/** A results pane's reading aids, in its header: Listen (lighting up the sentence read) and Pronunciation. */
export function ReadingActions({ pane, language, sentences, onHighlight }: Props) {
  return (
    <>
      <Listen
        language={language}
        sentences={sentences}
        onSentence={(i) => onHighlight('focus', i === undefined ? null : { sources: [i] })}
      />
      <PronunciationToggle pane={pane} language={language} />
    </>
  );
}
