'use client';

import { useCallback } from 'react';

import { useStoredState } from '@/hooks/use-stored-state';
import { MY_SHARES_KEY, parseMyShares, type MyShare } from '@/lib/share-links';

// A module constant: useStoredState compares its fallback by identity.
const NO_SHARES: MyShare[] = [];

/** The shares this browser created, kept in localStorage: the only place their delete tokens live. */
export function useMyShares() {
  const [shares, setShares] = useStoredState(MY_SHARES_KEY, parseMyShares, NO_SHARES);
  const add = useCallback(
    (share: MyShare) => setShares((list) => [share, ...list.filter((s) => s.id !== share.id)]),
    [setShares],
  );
  const forget = useCallback(
    (id: string) => setShares((list) => list.filter((s) => s.id !== id)),
    [setShares],
  );
  return { shares, add, forget };
}
