import { joinSentences } from '@/lib/text/chunk';

/**
 * What the reader is pointing at, shared by the three panes: source sentence indices (which are also the
 * indices of their translations) and, when it came from the summary, which summary sentence.
 */
export interface Highlight {
  sources: readonly number[];
  summary?: number;
}

/**
 * Pointer and keyboard keep separate highlights: the mouse leaving a sentence (say, because focusing another
 * scrolled the page under it) must not clear what the keyboard is on.
 */
export type HighlightSource = 'pointer' | 'focus';
export type OnHighlight = (source: HighlightSource, highlight: Highlight | null) => void;

/** Handlers that light up `highlight` on hover and focus, and clear it on leave and blur. */
export function highlightHandlers(highlight: Highlight, onHighlight: OnHighlight) {
  return {
    onMouseEnter: () => onHighlight('pointer', highlight),
    onMouseLeave: () => onHighlight('pointer', null),
    onFocus: () => onHighlight('focus', highlight),
    onBlur: () => onHighlight('focus', null),
  };
}

export const HIGHLIGHT_CLASS =
  'bg-amber-100 text-neutral-950 ring-2 ring-amber-100 dark:bg-amber-300/25 dark:text-white dark:ring-amber-300/25';

/**
 * What goes between two sentences of running text: the space joinSentences would put there, or none between
 * Chinese or Japanese ones. Asked of joinSentences itself so the panes and the engines never disagree.
 */
export function gapBetween(previous: string, next: string): string {
  return joinSentences([previous, next]) === previous.trim() + next.trim() ? '' : ' ';
}

/** The source sentences of the article, grouped into its paragraphs (indices into `sentences`). */
export function paragraphsOf(sentences: readonly { paragraph: number }[]): number[][] {
  const groups = new Map<number, number[]>();
  sentences.forEach((sentence, index) => {
    const group = groups.get(sentence.paragraph) ?? [];
    group.push(index);
    groups.set(sentence.paragraph, group);
  });
  return [...groups.values()];
}
