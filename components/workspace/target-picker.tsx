import { useTranslations } from 'next-intl';
import { memo, useId } from 'react';

import type { LanguageCode } from '@/lib/langs';
import { LIMITS } from '@/lib/limits';
import { useLanguages } from './language-context';

interface Props {
  targets: readonly LanguageCode[];
  onChange: (targets: LanguageCode[]) => void;
  /** The article's language: translating into it is skipped, and its chip says so. */
  source?: LanguageCode;
}

/** Target languages as removable chips, plus a selector that adds any language the server offers. */
export const TargetPicker = memo(function TargetPicker({ targets, onChange, source }: Props) {
  const t = useTranslations('TargetPicker');
  const { languages, nameOf } = useLanguages();
  const id = useId();
  // What the article's language can be translated into here; every language while it is unknown.
  const row = languages.find((l) => l.code === source);
  const reachable = row?.targets;
  const addable = languages.filter(
    (l) => !targets.includes(l.code) && l.code !== source && (!reachable || reachable.includes(l.code)),
  );
  const full = targets.length >= LIMITS.targets;

  return (
    <fieldset className="min-w-0">
      <legend className="mb-1.5 text-sm font-medium text-neutral-700 dark:text-neutral-300">
        {t('legend')}
      </legend>
      <ul className="flex flex-wrap gap-2">
        {targets.map((code) => {
          const skipped = code === source;
          // Known only once the article's language is: which model translates depends on it.
          const unavailable = !skipped && row?.unavailable.includes(code) === true;
          return (
            <li
              key={code}
              className={`inline-flex items-center gap-1 rounded-full border py-0.5 ps-3 pe-1 text-sm ${
                skipped
                  ? 'border-dashed border-neutral-300 text-neutral-600 dark:border-neutral-600 dark:text-neutral-400'
                  : 'border-blue-200 bg-blue-50 text-blue-900 dark:border-blue-400/30 dark:bg-blue-400/10 dark:text-blue-100'
              }`}
            >
              <span>{nameOf(code)}</span>
              {skipped && <span className="text-xs">({t('sameAsSource')})</span>}
              {unavailable && (
                <span className="text-xs text-amber-800 dark:text-amber-300">({t('unavailable')})</span>
              )}
              <button
                type="button"
                onClick={() => onChange(targets.filter((target) => target !== code))}
                aria-label={t('remove', { language: nameOf(code) })}
                className="grid size-6 place-items-center rounded-full hover:bg-blue-100 dark:hover:bg-blue-400/20"
              >
                <svg
                  aria-hidden="true"
                  viewBox="0 0 16 16"
                  className="size-3"
                  stroke="currentColor"
                  strokeWidth="2"
                >
                  <path d="M4 4l8 8M12 4l-8 8" />
                </svg>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={id} className="sr-only">
          {t('add')}
        </label>
        <select
          id={id}
          value=""
          disabled={full || addable.length === 0}
          onChange={(event) => onChange([...targets, event.target.value as LanguageCode])}
          className="rounded-lg border border-neutral-300 bg-white px-2 py-1 disabled:opacity-50 dark:border-neutral-700 dark:bg-neutral-900"
        >
          <option value="" disabled>
            {t('add')}
          </option>
          {addable.map((language) => (
            <option key={language.code} value={language.code}>
              {language.name === language.nativeName
                ? language.name
                : `${language.name} — ${language.nativeName}`}
            </option>
          ))}
        </select>
        {full && (
          <span className="text-neutral-600 dark:text-neutral-400">
            {t('limit', { limit: LIMITS.targets })}
          </span>
        )}
      </div>
    </fieldset>
  );
});
