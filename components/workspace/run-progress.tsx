import { useFormatter, useTranslations } from 'next-intl';

import type { DigestView, ModelDownload } from '@/hooks/use-digest';
import { ProgressBar } from '../ui/progress-bar';

interface Bytes {
  loaded: number;
  total: number;
}

function bytesOf(download: ModelDownload): Bytes {
  const files = Object.values(download.files);
  const total = files.reduce((sum, file) => sum + file.total, 0);
  // A ready model counts as fully loaded even if its last progress event said otherwise.
  const loaded = download.ready ? total : files.reduce((sum, file) => sum + file.done, 0);
  return { loaded, total };
}

/**
 * What a run is doing: model downloads (one bar per model, bytes, and an overall bar), then the summary's
 * sentence count. Per-language translation progress sits on each language's tab.
 */
export function RunProgress({ run }: { run: Extract<DigestView, { status: 'running' }> }) {
  const t = useTranslations('RunProgress');
  const format = useFormatter();
  // Real models are megabytes, test fixtures kilobytes; one decimal only where it means something.
  const size = (bytes: number) => {
    const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [bytes / 1e3, 'kilobyte'];
    return format.number(value, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 });
  };

  const { activity, parts, request } = run;
  const models = Object.entries(activity.downloads).map(([model, download]) => ({
    model,
    ready: download.ready,
    ...bytesOf(download),
  }));
  const overall = models.reduce<Bytes>(
    (sum, model) => ({ loaded: sum.loaded + model.loaded, total: sum.total + model.total }),
    { loaded: 0, total: 0 },
  );
  const { targets } = request;
  const translated = targets.filter((code) => parts.translations[code]).length;

  return (
    <div
      role="group"
      aria-label={t('label')}
      className="grid gap-3 rounded-xl border border-neutral-200 bg-neutral-50 p-4 text-sm dark:border-neutral-800 dark:bg-neutral-900/60"
    >
      {run.restarted && (
        <p role="status" className="text-amber-800 dark:text-amber-300">
          {t('restarted')}
        </p>
      )}
      {models.length > 0 && (
        <div className="grid gap-2">
          <div className="flex flex-wrap justify-between gap-2">
            <span className="font-medium">{t('models')}</span>
            <span className="text-neutral-600 tabular-nums dark:text-neutral-400">
              {t('bytes', { loaded: size(overall.loaded), total: size(overall.total) })}
            </span>
          </div>
          <ProgressBar label={t('models')} value={overall.loaded} max={overall.total} />
          <ul className="grid gap-2 ps-3">
            {models.map((model) => (
              <li key={model.model} className="grid gap-1">
                <div className="flex flex-wrap justify-between gap-2 text-xs text-neutral-600 dark:text-neutral-400">
                  <span dir="ltr" className="font-mono">
                    {model.model}
                  </span>
                  <span className="tabular-nums">
                    {model.ready
                      ? t('ready')
                      : t('bytes', { loaded: size(model.loaded), total: size(model.total) })}
                  </span>
                </div>
                <ProgressBar
                  label={model.model}
                  value={model.ready ? 1 : model.loaded}
                  max={model.ready ? 1 : model.total}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
      <Step
        label={parts.summary ? t('summarized') : t('summarizing')}
        count={parts.summary ? undefined : activity.summarizing}
      />
      {targets.length > 0 && (
        <p className="text-neutral-700 tabular-nums dark:text-neutral-300">
          {t('translations', { done: translated, total: targets.length })}
        </p>
      )}
    </div>
  );
}

function Step({ label, count }: { label: string; count?: { done: number; total: number } }) {
  const t = useTranslations('RunProgress');
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap justify-between gap-2">
        <span className="text-neutral-700 dark:text-neutral-300">{label}</span>
        {count && (
          <span className="text-neutral-600 tabular-nums dark:text-neutral-400">
            {t('sentence', { done: count.done, total: count.total })}
          </span>
        )}
      </div>
      {count && <ProgressBar label={label} value={count.done} max={count.total} />}
    </div>
  );
}
