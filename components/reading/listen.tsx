'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

import { Button } from '../ui/button';
import { pickVoice, readAloud } from './listen-queue';

const hasSpeech = () => typeof window !== 'undefined' && 'speechSynthesis' in window;

function subscribe(listener: () => void) {
  if (!hasSpeech()) return () => undefined;
  speechSynthesis.addEventListener('voiceschanged', listener);
  return () => speechSynthesis.removeEventListener('voiceschanged', listener);
}

/** The name of the voice that reads `language` here (a string: stable between renders), if any. */
function useVoiceName(language: string | undefined): string | undefined {
  return useSyncExternalStore(
    subscribe,
    () => (hasSpeech() && language ? pickVoice(speechSynthesis.getVoices(), language)?.name : undefined),
    () => undefined,
  );
}

interface Props {
  language?: string;
  sentences: readonly string[];
  /** The sentence being read, or undefined when reading stops. */
  onSentence: (index: number | undefined) => void;
}

/** "Listen" for a pane, where the browser has a voice for its language: sentence by sentence; pause, stop. */
export function Listen({ language, sentences, onSentence }: Props) {
  const t = useTranslations('Listen');
  const voiceName = useVoiceName(language);
  const [status, setStatus] = useState<'idle' | 'reading' | 'paused'>('idle');
  const reading = useRef<ReturnType<typeof readAloud>>(undefined);

  const stop = useCallback(() => reading.current?.stop(), []);
  // Another language or text on show, or the pane gone: what was being read no longer is. By content, not
  // identity: a pane re-renders (a highlight moves) with the same sentences in a new array.
  const text = sentences.join('\n');
  useEffect(() => stop, [stop, language, text]);

  if (!voiceName || sentences.length === 0) return null;

  function start() {
    const voice = speechSynthesis.getVoices().find((v) => v.name === voiceName);
    if (!voice) return;
    speechSynthesis.cancel();
    setStatus('reading');
    reading.current = readAloud(speechSynthesis, sentences, {
      voice,
      makeUtterance: (text) => new SpeechSynthesisUtterance(text),
      onSentence,
      onDone: () => {
        reading.current = undefined;
        setStatus('idle');
        onSentence(undefined);
      },
    });
  }

  if (status === 'idle')
    return (
      <Button size="sm" onClick={start}>
        {t('listen')}
      </Button>
    );
  return (
    <span className="flex gap-1">
      {status === 'reading' ? (
        <Button
          size="sm"
          onClick={() => {
            reading.current?.pause();
            setStatus('paused');
          }}
        >
          {t('pause')}
        </Button>
      ) : (
        <Button
          size="sm"
          onClick={() => {
            reading.current?.resume();
            setStatus('reading');
          }}
        >
          {t('resume')}
        </Button>
      )}
      <Button size="sm" onClick={stop}>
        {t('stop')}
      </Button>
    </span>
  );
}
