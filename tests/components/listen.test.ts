import { describe, expect, it } from 'vitest';

import { pickVoice, readAloud, type Speech, type VoiceLike } from '@/components/reading/listen-queue';

const VOICES: VoiceLike[] = [
  { name: 'English (America)', lang: 'en-US', default: true, localService: true },
  { name: 'Russian', lang: 'ru-RU', default: false, localService: true },
  { name: 'Chinese (Taiwan)', lang: 'zh-TW', default: false, localService: true },
  { name: 'Chinese (Mandarin)', lang: 'cmn-CN', default: false, localService: true },
  { name: 'Hindi (network)', lang: 'hi-IN', default: false, localService: false },
  { name: 'Hindi', lang: 'hi', default: false, localService: true },
];

describe('pickVoice', () => {
  it('finds a voice for the language, preferring one on this device', () => {
    expect(pickVoice(VOICES, 'ru')?.name).toBe('Russian');
    expect(pickVoice(VOICES, 'hi')?.name).toBe('Hindi');
    expect(pickVoice(VOICES, 'en')?.name).toBe('English (America)');
  });

  it('reads Simplified Chinese with a mainland voice and Traditional with a Taiwanese or Hong Kong one', () => {
    expect(pickVoice(VOICES, 'zh-Hans')?.name).toBe('Chinese (Mandarin)');
    expect(pickVoice(VOICES, 'zh-Hant')?.name).toBe('Chinese (Taiwan)');
  });

  it('has none for a language without a voice, so Listen is not offered', () => {
    expect(pickVoice(VOICES, 'ar')).toBeUndefined();
    expect(pickVoice([], 'en')).toBeUndefined();
  });
});

/** speechSynthesis as the browser drives it: one utterance at a time, in the order queued. */
class FakeSpeech implements Speech {
  queue: SpeechSynthesisUtterance[] = [];
  spoken: string[] = [];
  paused = false;
  speak(utterance: SpeechSynthesisUtterance) {
    this.queue.push(utterance);
  }
  cancel() {
    const queued = this.queue;
    this.queue = [];
    queued.forEach((u) => u.onerror?.({ error: 'canceled' } as SpeechSynthesisErrorEvent));
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  /** Says the next queued utterance from start to end. */
  next() {
    const utterance = this.queue.shift();
    if (!utterance) return false;
    utterance.onstart?.({} as SpeechSynthesisEvent);
    this.spoken.push(utterance.text);
    utterance.onend?.({} as SpeechSynthesisEvent);
    return true;
  }
}

class Utterance {
  onstart: ((e: SpeechSynthesisEvent) => void) | null = null;
  onend: ((e: SpeechSynthesisEvent) => void) | null = null;
  onerror: ((e: SpeechSynthesisErrorEvent) => void) | null = null;
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  constructor(readonly text: string) {}
}

describe('readAloud', () => {
  const make = (text: string) => new Utterance(text) as unknown as SpeechSynthesisUtterance;

  it('reads sentence by sentence, telling which one is being read, then that it is done', () => {
    const speech = new FakeSpeech();
    const events: (number | 'done')[] = [];
    readAloud(speech, ['Один.', 'Два.', 'Три.'], {
      voice: VOICES[1]!,
      makeUtterance: make,
      onSentence: (i) => events.push(i),
      onDone: () => events.push('done'),
    });
    expect(speech.queue.map((u) => u.text)).toEqual(['Один.', 'Два.', 'Три.']);
    expect(speech.queue.every((u) => u.lang === 'ru-RU')).toBe(true);
    while (speech.next());
    expect(speech.spoken).toEqual(['Один.', 'Два.', 'Три.']);
    expect(events).toEqual([0, 1, 2, 'done']);
  });

  it('starts from a given sentence, and stops: nothing more is read, done once', () => {
    const speech = new FakeSpeech();
    const events: (number | 'done')[] = [];
    const reading = readAloud(speech, ['A.', 'B.', 'C.', 'D.'], {
      voice: VOICES[0]!,
      from: 1,
      makeUtterance: make,
      onSentence: (i) => events.push(i),
      onDone: () => events.push('done'),
    });
    speech.next();
    reading.pause();
    expect(speech.paused).toBe(true);
    reading.resume();
    reading.stop();
    expect(speech.next()).toBe(false);
    expect(speech.spoken).toEqual(['B.']);
    expect(events).toEqual([1, 'done']);
  });
});
