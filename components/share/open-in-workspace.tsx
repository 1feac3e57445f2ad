'use client';

import { useLocale, useTranslations } from 'next-intl';

import { buttonClass } from '../ui/button';
import { TEXT_KEY } from '../workspace/workspace-options';

/**
 * Starts a workspace session on the shared article: on the way, its text goes where the workspace keeps its
 * draft, so the workspace opens with it, ready to run with the reader's own choices.
 */
export function OpenInWorkspace({ text }: { text: string }) {
  const t = useTranslations('OpenInWorkspace');
  const locale = useLocale();

  function storeDraft() {
    try {
      window.localStorage.setItem(TEXT_KEY, JSON.stringify(text));
    } catch {
      // Storage disabled (private mode, policy): the workspace still opens, only without the text.
    }
  }

  // A plain link, so a full page load: the workspace reads its draft when its modules load, and after a
  // client-side visit they would still hold the previous text.
  return (
    <a href={`/${locale}`} onClick={storeDraft} className={buttonClass('primary')}>
      {t('label')}
    </a>
  );
}
