import type { ReactNode } from 'react';

/**
 * A link past a long stretch of the page, for keyboard readers: hidden until focused, then shown over what is
 * there (its container is `relative`), so focusing it moves nothing. Its target should take focus
 * (`tabIndex={-1}`), so that the next Tab goes on from there.
 */
export function SkipLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className="sr-only focus:not-sr-only focus:absolute focus:start-0 focus:top-0 focus:z-10 focus:rounded focus:bg-blue-700 focus:px-3 focus:py-2 focus:text-white"
    >
      {children}
    </a>
  );
}
