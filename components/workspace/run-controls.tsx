import { useFormatter, useTranslations } from 'next-intl';
import { useSyncExternalStore, type Ref } from 'react';

import type { DigestState } from '@/hooks/use-digest';
import type { Placement } from '@/lib/models/registry';
import { Button } from '../ui/button';
import { ErrorMessage } from './error-message';
import { useLanguages } from './language-context';

interface Props {
  state: DigestState;
  /** Why Run cannot run yet (no text, no target…), shown beside it; undefined when it can run. */
  blocker?: string;
  /** Run stays pressable despite the blocker, because pressing it leads the reader to the fix. */
  asks?: boolean;
  onCancel: () => void;
  runButtonRef?: Ref<HTMLButtonElement>;
}

const noSubscription = () => () => undefined;

/**
 * The Run shortcut as this device's keyboard says it: ⌘ on Apple, Ctrl elsewhere, none on a touch-only
 * device (no keyboard to press it on). The server cannot know, so it renders the generic hint and the
 * browser refines it.
 */
function useShortcutKeys(): string | undefined {
  return useSyncExternalStore(
    noSubscription,
    () => {
      if (window.matchMedia('(hover: none) and (pointer: coarse)').matches) return undefined;
      return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘ Enter' : 'Ctrl Enter';
    },
    () => 'Ctrl Enter',
  );
}

/** Run (the form's submit button, also Ctrl/Cmd+Enter), Cancel while running, and what happened. */
export function RunControls({ state, blocker, asks = false, onCancel, runButtonRef }: Props) {
  const t = useTranslations('RunControls');
  const errors = useTranslations('Errors');
  const format = useFormatter();
  const keys = useShortcutKeys();
  const { nameOf } = useLanguages();
  const running = state.status === 'running';
  let status = '';
  if (state.status === 'running') status = t('running', { engine: state.engine });
  else if (state.status === 'done') {
    const { targets } = state.request;
    // A language that failed is not "done": the run says which, and why, rather than only its tab.
    const failed = targets.flatMap((code) => {
      const error = state.result.translations[code]?.error;
      return error ? [{ code, error }] : [];
    });
    status =
      failed.length > 0
        ? t('partial', {
            done: targets.length - failed.length,
            total: targets.length,
            failures: format.list(
              failed.map(({ code, error }) =>
                t('failure', {
                  language: nameOf(code),
                  reason: error.code === 'model_unavailable' ? 'noModel' : 'failed',
                  engine: state.engine,
                }),
              ),
            ),
          })
        : t('done', {
            time: format.number(state.elapsed / 1000, {
              style: 'unit',
              unit: 'second',
              maximumFractionDigits: 1,
            }),
            engine: state.engine,
          });
  } else if (state.status === 'cancelled') status = errors('cancelled');

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        {/* aria-disabled, not disabled, while running: a disabled button drops keyboard focus. */}
        <Button
          ref={runButtonRef}
          type="submit"
          variant="primary"
          disabled={!running && !asks && blocker !== undefined}
          aria-disabled={running || undefined}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          className="min-w-28 aria-disabled:opacity-60"
        >
          {running && <Spinner />}
          {t('run')}
        </Button>
        {running && (
          <Button variant="secondary" onClick={onCancel} aria-keyshortcuts="Escape">
            {t('cancel')}
          </Button>
        )}
        <span className="text-xs text-neutral-600 dark:text-neutral-400">
          {blocker ?? (keys && t('shortcut', { keys }))}
        </span>
      </div>
      <p role="status" className="min-h-5 text-sm text-neutral-700 dark:text-neutral-300">
        {status}
      </p>
      {state.status === 'done' && state.result.runtime?.length ? (
        <p className="text-xs text-neutral-600 dark:text-neutral-400">
          {t('ranOn', { placements: state.result.runtime.map(placementLabel).join('; ') })}
        </p>
      ) : null}
      {state.status === 'failed' && <ErrorMessage error={state.error} />}
    </div>
  );
}

/** Backend names as their makers write them; not translated. */
const DEVICE_NAMES: Record<Placement['device'], string> = { cpu: 'CPU', wasm: 'WASM', webgpu: 'WebGPU' };

/** "WebGPU, fp16": where a model ran and in which dtype. */
function placementLabel({ device, dtype }: Placement): string {
  return `${DEVICE_NAMES[device]}, ${dtype}`;
}

function Spinner() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="size-4 animate-spin motion-reduce:animate-none"
      fill="none"
    >
      <circle cx="10" cy="10" r="7" stroke="currentColor" strokeOpacity="0.3" strokeWidth="2.5" />
      <path d="M17 10a7 7 0 0 0-7-7" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
