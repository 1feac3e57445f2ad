import { isLanguageCode, type LanguageCode } from '@/lib/langs';
import { LIMITS } from '@/lib/limits';
import { TRANSLATE_SCOPES, type TranslateScope } from '@/lib/schemas/rules';
import {
  SUMMARY_LENGTHS,
  SUMMARY_MODES,
  SUMMARY_TYPES,
  type SummaryLength,
  type SummaryMode,
  type SummaryType,
} from '@/lib/summarize/options';

export const ENGINE_CHOICES = ['auto', 'browser', 'server'] as const;

/** What the issue asks to be preselected: the three languages the project is about. */
const DEFAULT_TARGETS: LanguageCode[] = ['ru', 'zh-Hans', 'hi'];

export interface WorkspaceOptions {
  mode: SummaryMode;
  type: SummaryType;
  length: SummaryLength;
  translate: TranslateScope;
  engine: (typeof ENGINE_CHOICES)[number];
  targets: LanguageCode[];
}

export const DEFAULT_OPTIONS: WorkspaceOptions = {
  mode: 'extractive',
  type: 'key-points',
  length: 'medium',
  translate: 'summary',
  engine: 'auto',
  targets: DEFAULT_TARGETS,
};

function oneOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return choices.find((choice) => choice === value) ?? fallback;
}

/*
 * The reader's choices as stored in localStorage, checked by hand rather than with zod: this runs on the
 * page's first render, and zod would be the largest library its first load downloads. Each field falls back
 * on its own, so one stale value (a language this version dropped, an option renamed) does not cost the
 * reader every other choice.
 */
export function parseWorkspaceOptions(stored: unknown): WorkspaceOptions {
  // Not an object at all (another app's entry under our key): start over.
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return DEFAULT_OPTIONS;
  const fields = stored as Record<string, unknown>;
  return {
    mode: oneOf(SUMMARY_MODES, fields.mode, 'extractive'),
    type: oneOf(SUMMARY_TYPES, fields.type, 'key-points'),
    length: oneOf(SUMMARY_LENGTHS, fields.length, 'medium'),
    translate: oneOf(TRANSLATE_SCOPES, fields.translate, 'summary'),
    engine: oneOf(ENGINE_CHOICES, fields.engine, 'auto'),
    targets: Array.isArray(fields.targets)
      ? [...new Set(fields.targets)]
          .filter((code): code is LanguageCode => typeof code === 'string' && isLanguageCode(code))
          .slice(0, LIMITS.targets)
      : DEFAULT_TARGETS,
  };
}

export const OPTIONS_KEY = 'bitext.options';
export const TEXT_KEY = 'bitext.text';
