'use client';

import { useEffect, useState } from 'react';

/** How long typing pauses before the work it waits for runs: short enough to feel live. */
export const TYPING_PAUSE_MS = 400;

/**
 * `value` once it has stayed the same for `pauseMs`: work that costs milliseconds on a 100k-character article
 * (cleaning it, say) then runs once a typist pauses, not on every keystroke, where a deferred value would
 * still run it between each two keys.
 */
export function useSettledValue<T>(value: T, pauseMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), pauseMs);
    return () => clearTimeout(timer);
  }, [value, pauseMs]);
  return settled;
}
