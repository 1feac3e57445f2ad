interface Props {
  /** What is progressing; the bar's accessible name. */
  label: string;
  value: number;
  max: number;
  className?: string;
}

/** A thin determinate bar; `max` 0 (size not known yet) shows an empty track rather than NaN. */
export function ProgressBar({ label, value, max, className = '' }: Props) {
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(ratio * 100)}
      className={`h-1.5 overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800 ${className}`}
    >
      <div
        className="h-full rounded-full bg-blue-600 transition-[width] duration-300 motion-reduce:transition-none dark:bg-blue-400"
        style={{ width: `${ratio * 100}%` }}
      />
    </div>
  );
}
