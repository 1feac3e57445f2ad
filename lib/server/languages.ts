import 'server-only';
import { LANGUAGES } from '@/lib/langs';
import { translationTargets } from '@/lib/models/registry';
import { serverEnv } from './engine';

/** The language table with the targets each language can be translated into under this server's profile. */
export function listLanguages() {
  const { profile } = serverEnv();
  return LANGUAGES.map(({ code, name, nativeName, dir }) => ({
    code,
    name,
    nativeName,
    dir,
    targets: translationTargets(profile, code),
  }));
}
