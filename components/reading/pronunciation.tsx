'use client';

import { useTranslations } from 'next-intl';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

import { useStoredState } from '@/hooks/use-stored-state';
import type { RomanToken } from '@/lib/romanize';
import { isRomanized } from '@/lib/romanize/languages';

/** Which column a "Pronunciation" switch belongs to; each remembers its own. */
export type PronunciationPane = 'source' | 'translation';

const keyOf = (pane: PronunciationPane) => `bitext.pronunciation.${pane}`;
const parseOn = (stored: unknown) => stored === true;

export function usePronunciation(pane: PronunciationPane) {
  return useStoredState(keyOf(pane), parseOn, false);
}

type Romanizer = typeof import('@/lib/romanize');

// The romanisers carry dictionaries (pinyin's is most of a megabyte): fetched the first time a reader turns
// pronunciation on, never with the page.
let romanizer: Promise<Romanizer> | undefined;

export function loadRomanizer(): Promise<Romanizer> {
  romanizer ??= import('@/lib/romanize').catch((error: unknown) => {
    romanizer = undefined;
    throw error;
  });
  return romanizer;
}

/**
 * For the Markdown export: a loader of the Latin form of text in the languages whose pane shows
 * pronunciation (the source's switch for `sourceLanguage`, the translation's for the others).
 */
export function usePronunciationExport(sourceLanguage: string | undefined) {
  const [source] = usePronunciation('source');
  const [translation] = usePronunciation('translation');
  return useCallback(async () => {
    if (!source && !translation) return undefined;
    const { romanize } = await loadRomanizer();
    return (text: string, language: string) => {
      const wanted = language === sourceLanguage ? source : translation;
      return wanted && isRomanized(language) ? romanize(text, language) : undefined;
    };
  }, [source, translation, sourceLanguage]);
}

type TokensOf = (text: string) => RomanToken[];
const PronunciationContext = createContext<TokensOf | undefined>(undefined);

/** The switch in a pane's header; nothing for a language shown in Latin letters already. */
export function PronunciationToggle({
  pane,
  language,
  label,
}: {
  pane: PronunciationPane;
  language?: string;
  /** Where one view shows both panes' switches, each says which it is. */
  label?: string;
}) {
  const t = useTranslations('Pronunciation');
  const [on, setOn] = usePronunciation(pane);
  if (!isRomanized(language)) return null;
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => setOn(!on)}
      className="rounded-lg border border-neutral-300 px-2.5 py-1 text-sm text-neutral-700 hover:bg-neutral-100 aria-pressed:border-blue-700 aria-pressed:bg-blue-50 aria-pressed:text-blue-900 dark:border-neutral-700 dark:text-neutral-300 dark:hover:bg-neutral-800 dark:aria-pressed:border-blue-400 dark:aria-pressed:bg-blue-950 dark:aria-pressed:text-blue-100"
    >
      {label ?? t('toggle')}
    </button>
  );
}

/**
 * Gives the sentences inside it their Latin form, word over word, while the pane's switch is on and its
 * language is romanised. Tokens are kept per text: re-rendering a highlight does not romanise again.
 */
export function Pronounced({
  pane,
  language,
  children,
}: {
  pane: PronunciationPane;
  language?: string;
  children: ReactNode;
}) {
  const [on] = usePronunciation(pane);
  const active = on && isRomanized(language) ? language : undefined;
  const [loaded, setLoaded] = useState<{ language: string; tokensOf: TokensOf }>();

  useEffect(() => {
    if (!active) return;
    let current = true;
    void loadRomanizer().then((module) => {
      const cache = new Map<string, RomanToken[]>();
      const tokensOf = (text: string) => {
        let tokens = cache.get(text);
        if (!tokens) cache.set(text, (tokens = module.romanizeTokens(text, active)));
        return tokens;
      };
      if (current) setLoaded({ language: active, tokensOf });
    });
    return () => {
      current = false;
    };
  }, [active]);

  const tokensOf = active && loaded?.language === active ? loaded.tokensOf : undefined;
  return <PronunciationContext value={tokensOf}>{children}</PronunciationContext>;
}

/** A sentence as text, or, under a `Pronounced` that is on, each word with its Latin form over it. */
export function PronouncedText({ text }: { text: string }) {
  const tokensOf = useContext(PronunciationContext);
  if (!tokensOf) return text;
  return tokensOf(text).map((token, i) =>
    token.latin === undefined ? (
      token.text
    ) : (
      <ruby key={i} className="pronounced">
        <span className="pronounced-base">{token.text}</span>
        <rp>(</rp>
        <rt lang="en-Latn">{token.latin}</rt>
        <rp>)</rp>
      </ruby>
    ),
  );
}
