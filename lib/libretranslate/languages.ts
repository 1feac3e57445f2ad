/**
 * Language codes as LibreTranslate spells them. Ours are the same BCP-47 codes, so only the aliases differ:
 * LibreTranslate (and clients written for it, such as Weblate) call Simplified Chinese plain `zh`.
 */
import { BitextError } from '@/lib/errors';
import { LANGUAGES, type LanguageCode } from '@/lib/langs';

export const ALIASES: Readonly<Record<string, LanguageCode>> = { zh: 'zh-Hans' };

const byCode = new Map<string, LanguageCode>([
  ...LANGUAGES.map((l): [string, LanguageCode] => [l.code.toLowerCase(), l.code]),
  ...Object.entries(ALIASES),
]);

/** Our code for a LibreTranslate one (any case, `_` or `-`); 400 naming the supported codes otherwise. */
export function fromLibreCode(code: string): LanguageCode {
  const found = byCode.get(code.trim().toLowerCase().replaceAll('_', '-'));
  if (found) return found;
  const shown = code.length > 40 ? `${code.slice(0, 40)}…` : code;
  const supported = [...LANGUAGES.map((l) => l.code), ...Object.keys(ALIASES)].join(', ');
  throw new BitextError(
    'unsupported_language',
    `${shown} is not supported; supported languages: ${supported}`,
  );
}

/** A list of our codes with each alias added next to the code it stands for. */
export function withAliases(codes: readonly LanguageCode[]): string[] {
  return [
    ...codes,
    ...Object.entries(ALIASES).flatMap(([alias, code]) => (codes.includes(code) ? [alias] : [])),
  ];
}
