import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  /** Under the title: the pane's language, a note on how the text was made. */
  meta?: ReactNode;
  actions?: ReactNode;
  /** A full-width row under the title (the translation tabs). */
  toolbar?: ReactNode;
  /** Placement in the results grid (see globals.css). */
  className: string;
  children: ReactNode;
}

/** One column of the results: a titled region whose body rows line up with the other columns' rows. */
export function Pane({ id, title, meta, actions, toolbar, className, children }: Props) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className={`results-pane min-w-0 rounded-2xl border border-neutral-200 bg-white p-5 shadow-xs dark:border-neutral-800 dark:bg-neutral-900/50 ${className}`}
    >
      <header className="grid border-b border-neutral-200 pb-3 dark:border-neutral-800">
        {/* A container: a narrow pane's actions drop their words (see CopyButton) to stay on the title's row. */}
        <div className="@container flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
          <h3
            id={`${id}-title`}
            className="min-w-0 text-xs font-semibold tracking-wider text-neutral-600 uppercase dark:text-neutral-400"
          >
            {title}
          </h3>
          {actions}
        </div>
        {/* Under the title and the actions, full width: beside them it had a third of the width and wrapped. */}
        {meta && <div className="mt-0.5 text-sm text-neutral-700 dark:text-neutral-300">{meta}</div>}
        {toolbar && <div className="mt-2">{toolbar}</div>}
      </header>
      {children}
    </section>
  );
}
