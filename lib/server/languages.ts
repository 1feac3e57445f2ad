import 'server-only';
import { LANGUAGES } from '@/lib/langs';
import { translationRoute, translationTargets } from '@/lib/models/registry';
import { serverEnv } from './engine';

/**
 * The language table with the targets each language can be translated into under this server's profile and
 * licence policy, and for each target the models that translate it with their licences.
 */
export function listLanguages() {
  const { profile, allowNonCommercial } = serverEnv();
  const policy = { allowNonCommercial };
  return LANGUAGES.map(({ code, name, nativeName, dir }) => {
    const targets = translationTargets(profile, code, policy);
    const routes = targets.map((target) => [
      target,
      (translationRoute(profile, code, target, policy) ?? []).map(({ model }) => ({
        model: model.id,
        license: model.license,
      })),
    ]);
    return { code, name, nativeName, dir, targets, routes: Object.fromEntries(routes) };
  });
}
