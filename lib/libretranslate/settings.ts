import 'server-only';
import { getLanguage } from '@/lib/langs';
import { LIMITS } from '@/lib/limits';
import { serverEnv } from '@/lib/server/engine';
import { listLanguages } from '@/lib/server/languages';
import { ALIASES, withAliases } from './languages';
import { SUPPORTED_FILE_FORMATS } from './translate-file';

/** GET /languages: every language with the targets this server's models reach, aliases listed as well. */
export function libreLanguages(): { code: string; name: string; targets: string[] }[] {
  const languages = listLanguages().map(({ code, name, targets }) => ({
    code,
    name,
    targets: withAliases(targets),
  }));
  const aliases = Object.entries(ALIASES).flatMap(([alias, code]) => {
    const language = languages.find((l) => l.code === code);
    return language ? [{ ...language, code: alias }] : [];
  });
  return [...languages, ...aliases];
}

/** GET /frontend/settings, as LibreTranslate's own web page reads it. */
export function frontendSettings() {
  const { requireApiKey } = serverEnv();
  const target = getLanguage('ru')!;
  return {
    charLimit: LIMITS.articleChars,
    frontendTimeout: 500,
    apiKeys: true,
    keyRequired: requireApiKey,
    suggestions: false,
    filesTranslation: true,
    supportedFilesFormat: SUPPORTED_FILE_FORMATS,
    language: {
      source: { code: 'auto', name: 'Auto Detect' },
      target: { code: target.code, name: target.name },
    },
  };
}
