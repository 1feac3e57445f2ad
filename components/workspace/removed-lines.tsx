import { useTranslations } from 'next-intl';
import { memo, useId, useState } from 'react';

import type { BoilerplateReason, RemovedLine } from '@/lib/text/boilerplate';

const REASON_KEYS = {
  'related-links': 'relatedLinks',
  share: 'share',
  byline: 'byline',
  navigation: 'navigation',
  subscribe: 'subscribe',
  advertisement: 'advertisement',
  'cookie-notice': 'cookieNotice',
} as const satisfies Record<BoilerplateReason, string>;

/**
 * The page furniture set aside before the models see the text ("3 lines removed — show"), collapsed: the
 * reader can check nothing of the story went with it.
 */
export const RemovedLines = memo(function RemovedLines({ removed }: { removed: readonly RemovedLine[] }) {
  const t = useTranslations('RemovedLines');
  const id = useId();
  const [open, setOpen] = useState(false);
  if (removed.length === 0) return null;

  return (
    <div className="text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="rounded text-neutral-600 underline decoration-dotted underline-offset-4 hover:text-neutral-900 dark:text-neutral-400 dark:hover:text-neutral-100"
      >
        {t('toggle', { count: removed.length, open: String(open) })}
      </button>
      {open && (
        <ul id={id} className="mt-2 space-y-1.5 border-s-2 border-neutral-200 ps-3 dark:border-neutral-700">
          {removed.map((line) => (
            <li key={line.index} className="flex flex-wrap items-baseline gap-x-2">
              <span className="text-xs font-medium tracking-wide text-neutral-600 uppercase dark:text-neutral-400">
                {t(`reasons.${REASON_KEYS[line.reason]}`)}
              </span>
              <span dir="auto" className="text-neutral-800 dark:text-neutral-200">
                {line.line}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
