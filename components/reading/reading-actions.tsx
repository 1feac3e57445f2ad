'use client';

import dynamic from 'next/dynamic';

import type { OnHighlight } from '../results/highlight';
import { PronunciationToggle, type PronunciationPane } from './pronunciation';

// Whether there is a voice is only known in the browser, after the page is up: loaded then, not with it.
const Listen = dynamic(() => import('./listen').then((module) => module.Listen), { ssr: false });

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
