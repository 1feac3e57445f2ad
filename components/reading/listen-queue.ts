/**
 * Reading aloud with the browser's speechSynthesis, kept apart from React so it can be tested without a
 * browser voice: which voice reads a language, and the queue of one utterance per sentence.
 */

export type VoiceLike = Pick<SpeechSynthesisVoice, 'name' | 'lang' | 'default' | 'localService'>;
export type Speech = Pick<SpeechSynthesis, 'speak' | 'cancel' | 'pause' | 'resume'>;

/** Voice language tags that read a Bitext language, best first (voices name regions, not scripts). */
function tagsFor(language: string): string[] {
  if (language === 'zh-Hans') return ['zh-cn', 'cmn-cn', 'zh-sg', 'zh', 'cmn'];
  if (language === 'zh-Hant') return ['zh-tw', 'cmn-tw', 'zh-hk', 'yue-hk'];
  return [language.toLowerCase()];
}

/**
 * The voice for `language`: one whose tag is the language or one of its regions (ru → ru-RU), a voice on
 * this device before a network one, the browser's default before the rest. None: Listen is not offered.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], language: string): V | undefined {
  const wanted = tagsFor(language);
  const rank = (voice: V) => {
    const tag = voice.lang.toLowerCase().replace(/_/g, '-');
    const index = wanted.findIndex((w) => tag === w || tag.startsWith(`${w}-`));
    return index === -1 ? undefined : index * 4 + (voice.localService ? 0 : 2) + (voice.default ? 0 : 1);
  };
  let best: { voice: V; rank: number } | undefined;
  for (const voice of voices) {
    const r = rank(voice);
    if (r !== undefined && (!best || r < best.rank)) best = { voice, rank: r };
  }
  return best?.voice;
}

export interface ReadAloudOptions<V extends VoiceLike> {
  voice: V;
  /** The sentence to start at. */
  from?: number;
  /** `new SpeechSynthesisUtterance(text)` in a browser. */
  makeUtterance: (text: string) => SpeechSynthesisUtterance;
  /** The sentence now being read. */
  onSentence: (index: number) => void;
  /** Reading ended: every sentence read, stopped, or failed. Called once. */
  onDone: () => void;
}

/**
 * Queues one utterance per sentence (long texts as one utterance get cut off by some engines, and
 * per-sentence events are what the highlight follows). Returns controls.
 */
export function readAloud<V extends VoiceLike>(
  speech: Speech,
  sentences: readonly string[],
  { voice, from = 0, makeUtterance, onSentence, onDone }: ReadAloudOptions<V>,
) {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    onDone();
  };
  const last = sentences.length - 1;
  sentences.forEach((text, index) => {
    if (index < from) return;
    const utterance = makeUtterance(text);
    // In a browser `voice` is one of speechSynthesis.getVoices(); tests read with look-alikes.
    utterance.voice = voice as unknown as SpeechSynthesisVoice;
    utterance.lang = voice.lang;
    utterance.onstart = () => {
      if (!finished) onSentence(index);
    };
    utterance.onend = () => {
      if (index === last) finish();
    };
    utterance.onerror = finish;
    speech.speak(utterance);
  });
  if (from > last) finish();
  return {
    pause: () => speech.pause(),
    resume: () => speech.resume(),
    stop: () => {
      finish();
      speech.cancel();
    },
  };
}
