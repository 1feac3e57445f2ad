import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

import { Button } from './button';
import { CopyIcon } from './icons';

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
      {/* The visible word is short for narrow pane headers, and gone in the narrowest (an @container under
          20rem); the name says what is copied and starts with it. */}
      <Button variant="quiet" size="sm" onClick={copy} disabled={!text} aria-label={label}>
        <CopyIcon />
        <span className="@max-[20rem]:hidden">{t('copy')}</span>
      </Button>
    </span>
  );
}
