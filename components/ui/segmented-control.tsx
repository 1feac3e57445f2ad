import { useId } from 'react';

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
  /** The id of what explains the option (why it is disabled, say). */
  describedBy?: string;
}

interface Props<T extends string> {
  legend: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** A line under the choices, e.g. what Auto will pick. */
  hint?: string;
}

/**
 * A row of radio buttons drawn as one control: native radios, so arrow keys, form semantics and screen
 * readers work without any script of ours.
 */
export function SegmentedControl<T extends string>({ legend, options, value, onChange, hint }: Props<T>) {
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset className="min-w-0" aria-describedby={hint ? hintId : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-neutral-700 dark:text-neutral-300">{legend}</legend>
      <div className="flex flex-wrap gap-1 rounded-lg bg-neutral-100 p-1 dark:bg-neutral-800/70">
        {options.map((option) => (
          <label key={option.value} className="relative flex-1">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              disabled={option.disabled}
              aria-describedby={option.describedBy}
              onChange={() => onChange(option.value)}
              className="peer sr-only"
            />
            <span className="block cursor-pointer rounded-md peer-disabled:cursor-not-allowed peer-disabled:opacity-50 px-2.5 py-1 text-center text-sm whitespace-nowrap text-neutral-700 transition-colors peer-checked:bg-white peer-checked:font-medium peer-checked:text-neutral-950 peer-checked:shadow-sm peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-blue-600 hover:text-neutral-950 dark:text-neutral-300 dark:peer-checked:bg-neutral-950 dark:peer-checked:text-white dark:hover:text-white">
              {option.label}
            </span>
          </label>
        ))}
      </div>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
          {hint}
        </p>
      )}
    </fieldset>
  );
}
