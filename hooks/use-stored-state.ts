'use client';

import { useCallback, useSyncExternalStore } from 'react';

/*
 * State kept in localStorage, so the pasted text and the reader's choices survive a reload and a UI-locale
 * switch (which remounts the page). The server render and hydration see the fallback; React then swaps in the
 * stored value without a mismatch. Values go through `parse` on the way in, so an old or hand-edited entry
 * falls back instead of breaking the page.
 */

type Listener = () => void;

const listeners = new Map<string, Set<Listener>>();
// Parsed once per key: useSyncExternalStore needs the same object back until the value changes.
const cache = new Map<string, unknown>();

function read<T>(key: string, parse: (stored: unknown) => T, fallback: T): T {
  if (cache.has(key)) return cache.get(key) as T;
  let value = fallback;
  try {
    const raw = window.localStorage.getItem(key);
    if (raw !== null) value = parse(JSON.parse(raw));
  } catch {
    // Storage disabled (private mode, policy) or unparsable JSON: start from the fallback.
  }
  cache.set(key, value);
  return value;
}

function write(key: string, value: unknown): void {
  cache.set(key, value);
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the value still lives for this page view.
  }
  listeners.get(key)?.forEach((listener) => listener());
}

function subscribe(key: string, listener: Listener): () => void {
  const forKey = listeners.get(key) ?? new Set();
  listeners.set(key, forKey);
  forKey.add(listener);
  // Another tab changed the value: forget ours so the next read picks theirs up.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key) return;
    cache.delete(key);
    listener();
  };
  window.addEventListener('storage', onStorage);
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
): [T, (update: T | ((current: T) => T)) => void] {
  const value = useSyncExternalStore(
    useCallback((listener: Listener) => subscribe(key, listener), [key]),
    () => read(key, parse, fallback),
    () => fallback,
  );
  const update = useCallback(
    (next: T | ((current: T) => T)) => {
      const current = read(key, parse, fallback);
      write(key, typeof next === 'function' ? (next as (current: T) => T)(current) : next);
    },
    [key, parse, fallback],
  );
  return [value, update];
}
