import { useTranslations } from 'next-intl';
import { memo, useId, type Ref } from 'react';

import type { Detection } from '@/lib/detect';
import { UNDETERMINED, type LanguageCode } from '@/lib/langs';
import { useLanguages } from './language-context';

export type SourceChoice = LanguageCode | 'auto';

/** Below this confidence the detector's runners-up are offered beside its answer. */
const SURE = 0.9;

interface Props {
  detection?: Detection;
  /** The text changed since `detection` was made. */
  pending: boolean;
  hasText: boolean;
  value: SourceChoice;
  onChange: (value: SourceChoice) => void;
  /** The selector, for Run to send the reader to when the language is not known. */
  selectRef?: Ref<HTMLSelectElement>;
}

/**
 * The detected language as a badge with its confidence, and a selector to overrule it. When the detector
 * is unsure (no answer, or a modest one) its alternatives are one click away.
 */
export const SourceLanguage = memo(function SourceLanguage({
  detection,
  pending,
  hasText,
  value,
  onChange,
  selectRef,
}: Props) {
  const t = useTranslations('SourceLanguage');
  const { languages, nameOf } = useLanguages();
  const id = useId();

  let badge: string | undefined;
  if (!hasText) badge = undefined;
  else if (!detection) badge = pending ? t('detecting') : undefined;
  else if (detection.language === UNDETERMINED) badge = t('undetermined');
  else badge = t('detected', { language: nameOf(detection.language), confidence: detection.confidence });
  const unsure = detection && (detection.language === UNDETERMINED || detection.confidence < SURE);
  // A guess is a warning, not a success: it asks the reader to check.
  const tone =
    hasText && unsure
      ? {
          badge: 'bg-amber-50 text-amber-900 dark:bg-amber-400/15 dark:text-amber-100',
          dot: 'bg-amber-600 dark:bg-amber-300',
        }
      : {
          badge: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-100',
          dot: 'bg-emerald-600 dark:bg-emerald-300',
        };
  const picks = hasText && !pending && value === 'auto' && unsure ? detection.alternatives : [];

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <output
        aria-label={t('badgeLabel')}
        // Empty, it takes no room: its gap is taken back, so "Article language" starts at the edge.
        className={`inline-flex min-h-7 items-center gap-1.5 rounded-full font-medium transition-opacity empty:-me-3 ${
          badge ? `px-3 py-0.5 ${tone.badge}` : ''
        } ${pending && detection ? 'opacity-70' : ''}`}
      >
        {badge && (
          <>
            <span aria-hidden="true" className={`size-1.5 rounded-full ${tone.dot}`} />
            {badge}
          </>
        )}
      </output>
      <label htmlFor={id} className="text-neutral-700 dark:text-neutral-300">
        {t('label')}
      </label>
      <select
        id={id}
        ref={selectRef}
        value={value}
        onChange={(event) => onChange(event.target.value as SourceChoice)}
        className="rounded-lg border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
      >
        <option value="auto">{t('auto')}</option>
        {languages.map((language) => (
          <option key={language.code} value={language.code}>
            {language.name}
          </option>
        ))}
      </select>
      {picks.length > 0 && (
        <div role="group" aria-label={t('picksLabel')} className="flex flex-wrap items-center gap-1.5">
          <span aria-hidden="true" className="text-neutral-700 dark:text-neutral-300">
            {t('picks')}
          </span>
          {picks.map(({ language }) => (
            <button
              key={language}
              type="button"
              onClick={() => onChange(language)}
              className="rounded-full border border-neutral-300 px-2.5 py-0.5 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-neutral-700 dark:hover:bg-neutral-800"
            >
              {nameOf(language)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
});
