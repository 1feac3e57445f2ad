import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

import type { WireError } from '@/lib/errors';
import { parseModelUnavailable, pullCommand } from '@/lib/models/remedy';
import { useUiLanguage } from '../ui/ui-language';
import { useLanguages } from './language-context';

const code = (chunks: ReactNode) => (
  <code dir="ltr" className="rounded bg-red-100 px-1 font-mono text-[0.85em] dark:bg-red-900/50">
    {chunks}
  </code>
);

/**
 * An error as the reader should see it, in the UI's language: the message for its code, or the specific
 * reason its details give (which pair has no model), and for a missing model which one and what to do,
 * from the structured details the engine sent. Commands and model ids stay as they are.
 */
export function ErrorMessage({ error, className = '' }: { error: WireError; className?: string }) {
  const t = useTranslations('ErrorMessage');
  const messages = useTranslations('Errors');
  const { nameOf } = useLanguages();
  const ui = useUiLanguage();
  const generic = messages(messages.has(error.code) ? error.code : 'internal');
  const pair = error.code === 'unsupported_language' ? languagePair(error) : undefined;

  return (
    <div
      role="alert"
      lang={ui.lang}
      dir={ui.dir}
      className={`rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-100 ${className}`}
    >
      {error.code === 'model_unavailable' ? (
        <ModelRemedy error={error} generic={generic} />
      ) : (
        <p>
          {pair
            ? t('unsupportedPair', { source: nameOf(pair.source), target: nameOf(pair.target) })
            : generic}
        </p>
      )}
    </div>
  );
}

function ModelRemedy({ error, generic }: { error: WireError; generic: string }) {
  const t = useTranslations('ErrorMessage');
  const details = parseModelUnavailable(error.details);
  if (!details) return <p>{generic}</p>;
  const command = pullCommand(details.languages);
  const remedy =
    details.where === 'server' ? 'pullOnServer' : details.hub ? 'pullForBrowserOrHub' : 'pullForBrowser';
  return (
    <>
      <p>{generic}</p>
      <p className="mt-1">
        {details.sizeMB === undefined
          ? t.rich('modelUnsized', { code, model: details.model })
          : t.rich('model', { code, model: details.model, size: details.sizeMB })}
      </p>
      <p className="mt-1 text-red-800 dark:text-red-200">
        {t('remedy')} {t.rich(remedy, { code, command })}
      </p>
    </>
  );
}

/** The pair an `unsupported_language` names ("no model translates German into English"), if it does. */
function languagePair({ details }: WireError): { source: string; target: string } | undefined {
  const { source, target } = details ?? {};
  return typeof source === 'string' && typeof target === 'string' ? { source, target } : undefined;
}
