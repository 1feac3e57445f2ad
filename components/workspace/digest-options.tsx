import { useTranslations } from 'next-intl';
import { memo } from 'react';

import { useAutoEngine } from '@/hooks/use-digest';
import { useOnline } from '@/hooks/use-online';
import { TRANSLATE_SCOPES } from '@/lib/schemas/rules';
import { SUMMARY_LENGTHS, SUMMARY_MODES, SUMMARY_TYPES } from '@/lib/summarize/options';
import { SegmentedControl } from '../ui/segmented-control';
import { OFFLINE_REASON } from './offline-banner';
import { ENGINE_CHOICES, type WorkspaceOptions } from './workspace-options';

interface Props {
  options: WorkspaceOptions;
  onChange: (change: Partial<WorkspaceOptions>) => void;
}

// Message keys cannot hold hyphens' meaning; map the option values that have them.
const TYPE_KEYS = { 'key-points': 'keyPoints', tldr: 'tldr', headline: 'headline' } as const;

/** How to summarise, what to translate, and where to run it. */
export const DigestOptions = memo(function DigestOptions({ options, onChange }: Props) {
  const t = useTranslations('DigestOptions');
  const autoEngine = useAutoEngine();
  const online = useOnline();

  const engineHint =
    options.engine === 'auto'
      ? autoEngine && t('engineHint.auto', { engine: autoEngine })
      : t(`engineHint.${options.engine}`);

  return (
    <div className="grid gap-4">
      <SegmentedControl
        legend={t('mode.legend')}
        options={SUMMARY_MODES.map((value) => ({ value, label: t(`mode.${value}`) }))}
        value={options.mode}
        onChange={(mode) => onChange({ mode })}
      />
      <SegmentedControl
        legend={t('type.legend')}
        options={SUMMARY_TYPES.map((value) => ({ value, label: t(`type.${TYPE_KEYS[value]}`) }))}
        value={options.type}
        onChange={(type) => onChange({ type })}
      />
      <SegmentedControl
        legend={t('length.legend')}
        options={SUMMARY_LENGTHS.map((value) => ({ value, label: t(`length.${value}`) }))}
        value={options.length}
        onChange={(length) => onChange({ length })}
      />
      <SegmentedControl
        legend={t('translate.legend')}
        options={TRANSLATE_SCOPES.map((value) => ({ value, label: t(`translate.${value}`) }))}
        value={options.translate}
        onChange={(translate) => onChange({ translate })}
      />
      <SegmentedControl
        legend={t('engine.legend')}
        options={ENGINE_CHOICES.map((value) => {
          // Offline the server is out of reach; the banner says so.
          const unreachable = value === 'server' && !online;
          return {
            value,
            label: t(`engine.${value}`),
            disabled: unreachable,
            describedBy: unreachable ? OFFLINE_REASON.server : undefined,
          };
        })}
        value={options.engine}
        onChange={(engine) => onChange({ engine })}
        hint={engineHint || undefined}
      />
    </div>
  );
});
