import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

import { Button } from './button';

/** How long "Copied" stays on show. */
const CONFIRM_MS = 2000;

interface Props {
  text: string;
  /** The button's accessible name, saying what it copies ("Copy summary"): a page has several. */
  label: string;
}

/** Copies `text` and says so in a polite live region beside the button, which keeps its name. */
export function CopyButton({ text, label }: Props) {
  const t = useTranslations('CopyButton');
  const [outcome, setOutcome] = useState<'copied' | 'failed'>();

  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(undefined), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      // No clipboard permission (an embedded frame, an old browser): say so rather than pretend.
      setOutcome('failed');
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <span role="status" className="text-xs text-neutral-600 dark:text-neutral-400">
        {outcome && t(outcome)}
      </span>
      {/* The visible word is short for narrow pane headers; the name says what is copied and starts with it. */}
      <Button variant="quiet" size="sm" onClick={copy} disabled={!text} aria-label={label}>
        <CopyIcon />
        {t('copy')}
      </Button>
    </span>
  );
}

function CopyIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="size-4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <rect x="7" y="7" width="10" height="10" rx="2" />
      <path d="M13 7V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h2" />
    </svg>
  );
}
