'use client';

import { useLocale, useTranslations } from 'next-intl';

import { writeStored } from '@/hooks/use-stored-state';
import { buttonClass } from '../ui/button';
import { TEXT_KEY } from '../workspace/workspace-options';

/**
 * Starts a workspace session on the shared article: on the way, its text goes where the workspace keeps its
 * draft, so the workspace opens with it, ready to run with the reader's own choices.
 */
export function OpenInWorkspace({ text }: { text: string }) {
  const t = useTranslations('OpenInWorkspace');
  const locale = useLocale();

  // This tab's draft: the workspace opens with it, whatever this tab held before.
  const storeDraft = () => writeStored(TEXT_KEY, text, 'tab');

  // A plain link, so a full page load: the workspace reads its draft when its modules load, and after a
  // client-side visit they would still hold the previous text.
  return (
    <a href={`/${locale}`} onClick={storeDraft} className={buttonClass('primary')}>
      {t('label')}
    </a>
  );
}
