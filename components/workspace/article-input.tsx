import { useTranslations } from 'next-intl';
import { memo, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';

import { LIMITS } from '@/lib/limits';
import { articleLength } from '@/lib/schemas/rules';

interface Props {
  text: string;
  onChange: (text: string) => void;
  /** The detected or chosen language, so spell-checkers and screen readers treat the text right. */
  lang?: string;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * Replaces all of the textarea's text the way typing would (an editing command, which fires `input`), so that
 * the browser's own undo (Ctrl+Z) brings the old text back. False where the browser refuses: then the caller
 * sets the text itself.
 */
export function replaceAsEdit(textarea: HTMLTextAreaElement, next: string): boolean {
  const active = document.activeElement;
  textarea.focus({ preventScroll: true });
  textarea.select();
  // execCommand is deprecated, yet it is still the only way to change a field inside its undo history.
  const done = next === '' ? document.execCommand('delete') : document.execCommand('insertText', false, next);
  if (active instanceof HTMLElement) active.focus({ preventScroll: true });
  return done;
}

/**
 * The article box. The textarea is uncontrolled: a controlled one has React read and rewrite its whole value
 * (and its default value, the element's text) on every render, tens of milliseconds per keystroke at 100,000
 * characters. `text` is written into it only when it changes from elsewhere (the stored draft, a fallback
 * replace), and the count follows a deferred copy, so a keystroke costs one small render.
 */
export const ArticleInput = memo(function ArticleInput({ text, onChange, lang, textareaRef }: Props) {
  const t = useTranslations('ArticleInput');
  const id = useId();
  // What the field holds, as far as this component knows: typed text coming back as `text` is not rewritten.
  const shown = useRef<string>(undefined);
  useLayoutEffect(() => {
    const field = textareaRef.current;
    if (field && text !== shown.current && field.value !== text) field.value = text;
    shown.current = text;
  }, [text, textareaRef]);
  const counted = useDeferredValue(text);
  const length = useMemo(() => articleLength(counted), [counted]);
  const over = length - LIMITS.articleChars;

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-neutral-700 dark:text-neutral-300">
        {t('label')}
      </label>
      <textarea
        id={id}
        ref={textareaRef}
        onChange={(event) => {
          shown.current = event.target.value;
          onChange(shown.current);
        }}
        placeholder={t('placeholder')}
        lang={lang}
        // Pasted Arabic or Hebrew lays itself out right-to-left without the reader choosing anything.
        dir="auto"
        rows={14}
        aria-describedby={`${id}-count`}
        aria-invalid={over > 0}
        className="reading min-h-64 w-full resize-y rounded-xl border border-neutral-300 bg-white px-4 py-3 text-base leading-relaxed shadow-xs placeholder:text-neutral-500 aria-invalid:border-red-600 dark:border-neutral-700 dark:bg-neutral-900 dark:placeholder:text-neutral-400"
      />
      <p
        id={`${id}-count`}
        className={`text-end text-xs tabular-nums ${over > 0 ? 'font-medium text-red-700 dark:text-red-400' : 'text-neutral-600 dark:text-neutral-400'}`}
      >
        {over > 0 ? t('tooLong', { over }) : t('count', { count: length, limit: LIMITS.articleChars })}
      </p>
    </div>
  );
});
