'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId } from 'react';

import { HISTORY_LIMIT, keepResult, useHistory, type HistoryEntry } from '@/hooks/use-history';
import type { DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import { shareTitle } from '@/lib/share-links';
import { Button } from '../ui/button';
import { useLanguages } from '../workspace/language-context';

// A finished result is kept once, however often the workspace remounts with it (a UI-locale switch does).
const kept = new WeakSet<DigestResult>();

interface Props {
  /** The run that just finished, to keep. */
  finished?: { request?: DigestRequest; result?: DigestResult };
  onReopen: (entry: HistoryEntry) => void;
}

/** "History": the results kept in this browser, newest first, to reopen, delete or clear; or none kept. */
export function History({ finished, onReopen }: Props) {
  const t = useTranslations('History');
  const format = useFormatter();
  const { nameOf } = useLanguages();
  const headingId = useId();
  const { items, keeping, setKeeping, remove, clearAll } = useHistory();

  const request = finished?.request;
  const result = finished?.result;
  useEffect(() => {
    if (!request || !result || !keeping || kept.has(result)) return;
    kept.add(result);
    void keepResult({
      id: crypto.randomUUID(),
      title: shareTitle(request.text),
      savedAt: new Date().toISOString(),
      request,
      result,
    });
  }, [request, result, keeping]);

  const languagesOf = (entry: HistoryEntry) => {
    const done = Object.entries(entry.result.translations).filter(([, translation]) => !translation.error);
    // Language names and an arrow: the same in every UI language, so not a message.
    return `${nameOf(entry.result.language)} → ${format.list(done.map(([code]) => nameOf(code)))}`;
  };

  return (
    <section aria-labelledby={headingId} className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-xl font-semibold tracking-tight">
          {t('heading')}
        </h2>
        <label className="flex items-center gap-2 text-sm text-neutral-700 dark:text-neutral-300">
          <input
            type="checkbox"
            checked={!keeping}
            onChange={(event) => void setKeeping(!event.target.checked)}
            className="size-4 accent-blue-700 dark:accent-blue-400"
          />
          {t('off')}
        </label>
      </div>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {keeping ? t('intro', { limit: HISTORY_LIMIT }) : t('offIntro')}
      </p>
      {items.length > 0 && (
        <>
          <ul className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
            {items.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 text-sm">
                <div className="grid min-w-0 flex-1 gap-0.5">
                  <button
                    type="button"
                    onClick={() => onReopen(entry)}
                    className="truncate text-start font-medium text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300"
                  >
                    {entry.title || t('untitled')}
                  </button>
                  <span className="text-neutral-600 dark:text-neutral-400">
                    {languagesOf(entry)} ·{' '}
                    {format.dateTime(new Date(entry.savedAt), { dateStyle: 'medium', timeStyle: 'short' })}
                  </span>
                </div>
                <Button
                  size="sm"
                  onClick={() => void remove(entry.id)}
                  aria-label={t('delete', { title: entry.title || t('untitled') })}
                >
                  {t('deleteShort')}
                </Button>
              </li>
            ))}
          </ul>
          <Button size="sm" variant="quiet" onClick={() => void clearAll()} className="justify-self-start">
            {t('clear')}
          </Button>
        </>
      )}
    </section>
  );
}
