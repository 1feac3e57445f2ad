'use client';

import { useEffect, useState } from 'react';

import type { Detection } from '@/lib/detect';
import { isArticleText } from '@/lib/schemas/rules';

/** Long enough that a fast typist is not interrupted, short enough to feel live. */
const PAUSE_MS = 400;

interface Answer {
  text: string;
  detection: Detection;
}

/**
 * The language of `text`, asked of /api/v1/detect once typing pauses. The previous answer stays on show
 * while the reader types (a badge that blinks on every key would be noise); `pending` says it is stale.
 * Detection is advice (the run detects again), so a failed request simply leaves no badge.
 */
export function useDetection(text: string): { detection?: Detection; pending: boolean } {
  const [answer, setAnswer] = useState<Answer>();
  const valid = isArticleText(text);

  useEffect(() => {
    if (!valid) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch('/api/v1/detect', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
          signal: controller.signal,
        });
        // Parsed, not cast (an answer not understood leaves no badge); the schema comes with the first answer.
        const { detectResponse, parseAnswer } = await import('@/lib/schemas/responses');
        if (response.ok) setAnswer({ text, detection: parseAnswer(detectResponse, await response.json()) });
      } catch {
        // Aborted because the text changed again, or offline: the next pause tries again.
      }
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, valid]);

  if (!valid) return { pending: false };
  return { detection: answer?.detection, pending: answer?.text !== text };
}
