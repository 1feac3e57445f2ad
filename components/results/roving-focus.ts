import { useState, type FocusEvent, type KeyboardEvent } from 'react';

const ITEM = 'data-roving';

/** The keys that move within a pane, and where each goes among `count` items from `index`. */
function targetOf(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
    case 'k':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * A roving tabindex over a pane's sentences: the pane is one Tab stop (the sentence the reader was last on, or
 * the first), and ↑/↓, j/k, Home and End move within it. A long article would otherwise put every sentence in
 * the Tab order. `keys` are the items' keys in reading order; the container gets `container`, each item
 * `item(key)`.
 */
export function useRovingFocus(keys: readonly number[]) {
  const [chosen, setChosen] = useState<number>();
  const current = chosen !== undefined && keys.includes(chosen) ? chosen : keys[0];

  const container = {
    // On the container, so an item keeps its own onFocus (the highlight) and focus from elsewhere ("show in
    // source") moves the stop too.
    onFocus(event: FocusEvent<HTMLElement>) {
      const key = event.target.getAttribute(ITEM);
      if (key !== null) setChosen(Number(key));
    },
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      const items = [...event.currentTarget.querySelectorAll<HTMLElement>(`[${ITEM}]`)];
      const index = items.indexOf(event.target as HTMLElement);
      if (index === -1) return;
      const next = items[targetOf(event.key, index, items.length) ?? -1];
      if (!next) return;
      // Arrows would scroll the page as well.
      event.preventDefault();
      next.focus();
    },
  };

  const item = (key: number) => ({ [ITEM]: key, tabIndex: key === current ? 0 : -1 });

  return { container, item };
}
