'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, type KeyboardEvent } from 'react';

import type { LanguageResult } from '@/lib/pipeline/digest';
import { HIGHLIGHT_CLASS } from '../results/highlight';
import { useLanguages } from '../workspace/language-context';
import { isRomanized } from '@/lib/romanize/languages';
import { Pronounced, PronouncedText, PronunciationToggle } from './pronunciation';

interface Props {
  prefix: string;
  /** Source sentences by index; the translations' segments share the indices. */
  sentences: readonly string[];
  language?: string;
  targets: readonly string[];
  translations: Record<string, LanguageResult>;
  /** The sentence the reader is on (shared with the side-by-side view, which lights it up). */
  current: number;
  onCurrent: (sentence: number) => void;
}

const lineId = (prefix: string, sentence: number) => `${prefix}-line-${sentence}`;

const NOT_TEXT = new Set(['button', 'checkbox', 'color', 'file', 'radio', 'range', 'reset', 'submit']);

/** Typing in a field keeps its letters: j and k move between sentences only elsewhere (a radio is fine). */
function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * Interlinear: for every sentence, the source, its pronunciation (when on) and each translation, stacked, by
 * the segment alignment. j/k anywhere (arrow keys, Home and End in the list) move the current sentence.
 */
export function InterlinearView({
  prefix,
  sentences,
  language,
  targets,
  translations,
  current,
  onCurrent,
}: Props) {
  const t = useTranslations('Interlinear');
  const { nameOf, dirOf } = useLanguages();
  const shown = targets.filter((code) => translations[code]?.segments?.length === sentences.length);

  function move(to: number) {
    const next = Math.max(0, Math.min(sentences.length - 1, to));
    onCurrent(next);
    document.getElementById(lineId(prefix, next))?.scrollIntoView({ block: 'nearest' });
  }

  const onDocumentKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target))
      return;
    if (event.key === 'j') move(current + 1);
    else if (event.key === 'k') move(current - 1);
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onDocumentKey(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  function onListKey(event: KeyboardEvent) {
    const to = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: sentences.length - 1 }[
      event.key
    ];
    if (to === undefined) return;
    event.preventDefault();
    move(to);
  }

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-neutral-600 dark:text-neutral-400">{t('keys')}</span>
        <span className="ms-auto flex flex-wrap gap-2">
          <PronunciationToggle pane="source" language={language} label={t('sourcePronunciation')} />
          <PronunciationToggle
            pane="translation"
            language={shown.find(isRomanized)}
            label={t('translationPronunciation')}
          />
        </span>
      </div>
      <ol
        role="listbox"
        aria-label={t('label')}
        aria-activedescendant={lineId(prefix, current)}
        tabIndex={0}
        onKeyDown={onListKey}
        className="grid gap-2 rounded-2xl border border-neutral-200 bg-white p-2 dark:border-neutral-800 dark:bg-neutral-900/50"
      >
        {sentences.map((sentence, i) => (
          <li
            key={i}
            id={lineId(prefix, i)}
            role="option"
            aria-selected={i === current}
            onClick={() => onCurrent(i)}
            className={`grid gap-1.5 rounded-xl px-3 py-2 ${i === current ? HIGHLIGHT_CLASS : ''}`}
          >
            <Pronounced pane="source" language={language}>
              <p lang={language} dir={language ? dirOf(language) : 'auto'} className="reading font-medium">
                <PronouncedText text={sentence} />
              </p>
            </Pronounced>
            {shown.map((code) => (
              <Pronounced key={code} pane="translation" language={code}>
                <p lang={code} dir={dirOf(code)} className="reading flex gap-2">
                  <span
                    aria-hidden="true"
                    className="mt-1 shrink-0 text-xs font-semibold tracking-wider text-neutral-600 uppercase dark:text-neutral-400"
                  >
                    {code}
                  </span>
                  <span className="sr-only">{nameOf(code)}: </span>
                  <span>
                    <PronouncedText text={translations[code]?.segments?.[i]?.target ?? ''} />
                  </span>
                </p>
              </Pronounced>
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
