'use client';

import { useCallback, useSyncExternalStore } from 'react';

/*
 * State kept in Web Storage, so the pasted text and the reader's choices survive a reload and a UI-locale
 * switch (which remounts the page). The server render and hydration see the fallback; React then swaps in the
 * stored value without a mismatch. Values go through `parse` on the way in, so an old or hand-edited entry
 * falls back instead of breaking the page.
 *
 * Two scopes. 'shared' (the reader's choices) lives in localStorage and follows changes made in other tabs.
 * 'tab' (a draft) is each tab's own, in sessionStorage: another tab never overwrites it. Its last value is
 * also left in localStorage, so that a new tab starts from the draft written last.
 */

export type StorageScope = 'shared' | 'tab';

type Listener = () => void;

const listeners = new Map<string, Set<Listener>>();
// Parsed once per key: useSyncExternalStore needs the same object back until the value changes.
const cache = new Map<string, unknown>();

function rawValue(key: string, scope: StorageScope): string | null {
  if (scope === 'shared') return window.localStorage.getItem(key);
  const own = window.sessionStorage.getItem(key);
  if (own !== null) return own;
  // A new tab: adopt the last draft as this tab's own, so that later drafts elsewhere leave it alone.
  const last = window.localStorage.getItem(key);
  if (last !== null) window.sessionStorage.setItem(key, last);
  return last;
}

function read<T>(key: string, parse: (stored: unknown) => T, fallback: T, scope: StorageScope): T {
  if (cache.has(key)) return cache.get(key) as T;
  let value = fallback;
  try {
    const raw = rawValue(key, scope);
    if (raw !== null) value = parse(JSON.parse(raw));
  } catch {
    // Storage disabled (private mode, policy) or unparsable JSON: start from the fallback.
  }
  cache.set(key, value);
  return value;
}

/** Stores `value` under `key` as `useStoredState(key, …, scope)` would (also for a page about to be opened). */
export function writeStored(key: string, value: unknown, scope: StorageScope): void {
  cache.set(key, value);
  const json = JSON.stringify(value);
  try {
    if (scope === 'tab') window.sessionStorage.setItem(key, json);
    window.localStorage.setItem(key, json);
  } catch {
    // Full or disabled storage: the value still lives for this page view.
  }
  listeners.get(key)?.forEach((listener) => listener());
}

function subscribe(key: string, scope: StorageScope, listener: Listener): () => void {
  const forKey = listeners.get(key) ?? new Set();
  listeners.set(key, forKey);
  forKey.add(listener);
  // Another tab changed a shared value: forget ours so the next read picks theirs up.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key || event.storageArea !== window.localStorage) return;
    cache.delete(key);
    listener();
  };
  if (scope === 'shared') window.addEventListener('storage', onStorage);
  return () => {
    forKey.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * Like useState, persisted under `key`. `fallback` must be a stable value (a module constant): React compares
 * snapshots by identity.
 */
export function useStoredState<T>(
  key: string,
  parse: (stored: unknown) => T,
  fallback: T,
  scope: StorageScope = 'shared',
): [T, (update: T | ((current: T) => T)) => void] {
  const value = useSyncExternalStore(
    useCallback((listener: Listener) => subscribe(key, scope, listener), [key, scope]),
    () => read(key, parse, fallback, scope),
    () => fallback,
  );
  const update = useCallback(
    (next: T | ((current: T) => T)) => {
      const current = read(key, parse, fallback, scope);
      writeStored(key, typeof next === 'function' ? (next as (current: T) => T)(current) : next, scope);
    },
    [key, parse, fallback, scope],
  );
  return [value, update];
}
