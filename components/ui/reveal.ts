/** Scrolls `element` into view at `block`: smoothly, unless the reader asked for reduced motion. */
export function reveal(element: Element | null | undefined, block: ScrollLogicalPosition): void {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element?.scrollIntoView({ block, behavior: reduced ? 'auto' : 'smooth' });
}
