import { z } from 'zod';

import { isLanguageCode, type LanguageCode } from '@/lib/langs';
import { LIMITS } from '@/lib/limits';
import { TRANSLATE_SCOPES } from '@/lib/schemas/api';
import { SUMMARY_LENGTHS, SUMMARY_MODES, SUMMARY_TYPES } from '@/lib/summarize/options';

export const ENGINE_CHOICES = ['auto', 'browser', 'server'] as const;

/** What the issue asks to be preselected: the three languages the project is about. */
const DEFAULT_TARGETS: LanguageCode[] = ['ru', 'zh-Hans', 'hi'];

/*
 * The reader's choices as stored in localStorage. Each field falls back on its own, so one stale value (a
 * language this version dropped, an option renamed) does not cost the reader every other choice.
 */
const fields = z.object({
  mode: z.enum(SUMMARY_MODES).catch('extractive'),
  type: z.enum(SUMMARY_TYPES).catch('key-points'),
  length: z.enum(SUMMARY_LENGTHS).catch('medium'),
  translate: z.enum(TRANSLATE_SCOPES).catch('summary'),
  engine: z.enum(ENGINE_CHOICES).catch('auto'),
  targets: z
    .array(z.unknown())
    .transform((codes) =>
      [...new Set(codes)]
        .filter((code): code is LanguageCode => typeof code === 'string' && isLanguageCode(code))
        .slice(0, LIMITS.targets),
    )
    .catch(DEFAULT_TARGETS),
});

export type WorkspaceOptions = z.infer<typeof fields>;

export const DEFAULT_OPTIONS: WorkspaceOptions = {
  mode: 'extractive',
  type: 'key-points',
  length: 'medium',
  translate: 'summary',
  engine: 'auto',
  targets: DEFAULT_TARGETS,
};

// Not an object at all (another app's entry under our key): start over.
export const workspaceOptions = fields.catch(DEFAULT_OPTIONS);

export const OPTIONS_KEY = 'bitext.options';
export const TEXT_KEY = 'bitext.text';
