'use client';

import { clear, createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { useCallback, useEffect, useState } from 'react';

import type { DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import { useStoredState } from './use-stored-state';

/**
 * The reader's past results, kept in this browser's IndexedDB (through idb-keyval) and nowhere else: the
 * newest 50, each whole (the request and every finished language), so reopening one runs nothing.
 */
export const HISTORY_LIMIT = 50;

export interface HistoryEntry {
  id: string;
  title: string;
  /** ISO time the result was finished. */
  savedAt: string;
  request: DigestRequest;
  result: DigestResult;
}

const OFF_KEY = 'bitext.history.off';
const parseOff = (stored: unknown) => stored === true;

let store: UseStore | undefined;
// Opened on first use: the server render has no IndexedDB, and a page that never lists history never opens it.
const historyStore = () => (store ??= createStore('bitext-history', 'results'));

type Listener = () => void;
const listeners = new Set<Listener>();
const changed = () => listeners.forEach((listener) => listener());

async function readAll(): Promise<HistoryEntry[]> {
  const all = await entries<string, HistoryEntry>(historyStore());
  return all.map(([, entry]) => entry).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** The same run seen again: a reload brings a finished result back from the tab's session, a new object. */
function sameRun(a: HistoryEntry, b: HistoryEntry): boolean {
  return (
    JSON.stringify(a.request) === JSON.stringify(b.request) &&
    JSON.stringify(a.result) === JSON.stringify(b.result)
  );
}

/** Records a finished result (once per run), then forgets the oldest beyond the limit. */
export async function keepResult(entry: HistoryEntry): Promise<void> {
  const kept = await readAll();
  if (kept.some((other) => sameRun(other, entry))) return;
  await set(entry.id, entry, historyStore());
  // The new entry is the newest: what falls past the limit is the tail of what was kept.
  await Promise.all(kept.slice(HISTORY_LIMIT - 1).map((old) => del(old.id, historyStore())));
  changed();
}

export function useHistory() {
  const [items, setItems] = useState<HistoryEntry[]>([]);
  const [off, setOff] = useStoredState(OFF_KEY, parseOff, false);

  useEffect(() => {
    let current = true;
    const load = () =>
      readAll().then(
        (all) => current && setItems(all),
        // No IndexedDB (a private window in some browsers, a policy): there is no history to show.
        () => current && setItems([]),
      );
    listeners.add(load);
    void load();
    return () => {
      current = false;
      listeners.delete(load);
    };
  }, []);

  const remove = useCallback(async (id: string) => {
    await del(id, historyStore());
    changed();
  }, []);

  const clearAll = useCallback(async () => {
    await clear(historyStore());
    changed();
  }, []);

  /** Turning history off also forgets what was kept: "don't keep" means none is kept. */
  const setKeeping = useCallback(
    async (keep: boolean) => {
      setOff(!keep);
      if (!keep) await clearAll();
    },
    [clearAll, setOff],
  );

  return { items, keeping: !off, setKeeping, remove, clearAll };
}
