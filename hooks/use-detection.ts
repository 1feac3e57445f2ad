'use client';

import { useEffect, useState } from 'react';

import type { Detection } from '@/lib/detect';
import { isArticleText } from '@/lib/schemas/rules';
import type { Engine } from './use-digest';
import { TYPING_PAUSE_MS } from './use-settled-value';
import { detectInBrowser } from './use-pipeline-worker';

interface Answer {
  text: string;
  detection: Detection;
}

/** The server engine's detection: the text goes to the server anyway when it runs there. */
async function detectOnServer(text: string, signal: AbortSignal): Promise<Detection> {
  const response = await fetch('/api/v1/detect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    signal,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  // Parsed, not cast (an answer not understood leaves no badge); the schema comes with the first answer.
  const { detectResponse, parseAnswer } = await import('@/lib/schemas/responses');
  return parseAnswer(detectResponse, await response.json());
}

/**
 * The language of `text`, told once typing pauses by the engine the run will use: the Browser engine's
 * worker (the article never leaves the device), or /api/v1/detect. Nothing is asked before the engine is
 * known. The previous answer stays on show while the reader types (a badge that blinks on every key would be
 * noise); `pending` says it is stale. Detection is advice (the run detects again), so a failure simply leaves
 * no badge.
 */
export function useDetection(
  text: string,
  engine: Engine | undefined,
): { detection?: Detection; pending: boolean } {
  const [answer, setAnswer] = useState<Answer>();
  const valid = isArticleText(text);

  useEffect(() => {
    if (!valid || !engine) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const detection =
          engine === 'browser' ? await detectInBrowser(text) : await detectOnServer(text, controller.signal);
        // The worker cannot be interrupted: an answer for text since changed is dropped here.
        if (!controller.signal.aborted) setAnswer({ text, detection });
      } catch {
        // Aborted because the text changed again, offline, or no worker: the next pause tries again.
      }
    }, TYPING_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, valid, engine]);

  if (!valid) return { pending: false };
  return { detection: answer?.detection, pending: answer?.text !== text };
}
