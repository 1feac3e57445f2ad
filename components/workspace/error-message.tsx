import { useFormatter, useTranslations } from 'next-intl';

import type { WireError } from '@/lib/pipeline/protocol';

/**
 * An error as the reader should see it: the translated message for its code, and for a missing model what
 * to do about it (the server or worker names the exact command; it stays in English, as commands do).
 */
export function ErrorMessage({ error, className = '' }: { error: WireError; className?: string }) {
  const t = useTranslations('ErrorMessage');
  const messages = useTranslations('Errors');
  const code = messages.has(error.code) ? error.code : 'internal';
  const format = useFormatter();
  const remedy = error.code === 'model_unavailable' ? remedyOf(error) : undefined;
  // The registry's size for the files this device loads, so the reader knows what fixing it downloads.
  const { model, sizeMB } = error.details ?? {};
  const needs =
    remedy && typeof model === 'string' && typeof sizeMB === 'number'
      ? t('model', { model, size: format.number(sizeMB, { style: 'unit', unit: 'megabyte' }) })
      : undefined;

  return (
    <div
      role="alert"
      className={`rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-100 ${className}`}
    >
      <p>{messages(code)}</p>
      {needs && <p className="mt-1 text-red-800 dark:text-red-200">{needs}</p>}
      {remedy && (
        <p className="mt-1 text-red-800 dark:text-red-200">
          {t('remedy')} <Commands text={remedy} />
        </p>
      )}
    </div>
  );
}

/** `details.remedy` when the engine sent it; otherwise its message, which carries the remedy in prose. */
function remedyOf(error: WireError): string {
  const remedy = error.details?.remedy;
  return typeof remedy === 'string' ? remedy : error.message;
}

/** Shows the `backticked` parts of a remedy as code, so the command stands out and copies cleanly. */
function Commands({ text }: { text: string }) {
  return text.split('`').map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} dir="ltr" className="rounded bg-red-100 px-1 font-mono text-[0.85em] dark:bg-red-900/50">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
