'use client';

import { useMemo } from 'react';

import type { Share } from '@/lib/schemas/share';
import { ResultsView } from '../results/results-view';
import { LanguageProvider, type LanguageOption } from '../workspace/language-context';
import { sharedDigest } from './shared-digest';

interface Props {
  share: Share;
  /** The language table named in the UI language, from the server (as the workspace gets it). */
  languages: LanguageOption[];
  /** The tab a link asked for (`?lang=`), already checked against the share's languages. */
  language?: string;
}

/** A shared result in the workspace's own side-by-side view: nothing runs, everything is already there. */
export function SharedResult({ share, languages, language }: Props) {
  const view = useMemo(() => sharedDigest(share), [share]);
  return (
    <LanguageProvider languages={languages}>
      <ResultsView view={view} initialTarget={language} />
    </LanguageProvider>
  );
}
