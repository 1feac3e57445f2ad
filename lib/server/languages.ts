import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES } from '@/lib/langs';
import { modelFiles, translationRoute, translationTargets, type ModelSpec } from '@/lib/models/registry';
import { localModelsDir, serverEnv } from './engine';

/**
 * The language table with the targets each language can be translated into under this server's profile and
 * licence policy, for each target the models that translate it with their licences, and the targets whose
 * models this server neither has nor may download (`unavailable`): a run into them fails with
 * `model_unavailable`, so the workspace marks them before Run.
 */
export function listLanguages() {
  const { profile, allowNonCommercial, allowRemoteModels } = serverEnv();
  const policy = { allowNonCommercial };
  const present = new Map<string, boolean>();
  const hasModel = (spec: ModelSpec) => {
    if (!present.has(spec.id)) present.set(spec.id, allowRemoteModels || isInstalled(spec));
    return present.get(spec.id) === true;
  };
  return LANGUAGES.map(({ code, name, nativeName, dir }) => {
    const targets = translationTargets(profile, code, policy);
    const routes = targets.map(
      (target) => [target, translationRoute(profile, code, target, policy) ?? []] as const,
    );
    return {
      code,
      name,
      nativeName,
      dir,
      targets,
      routes: Object.fromEntries(
        routes.map(([target, legs]) => [
          target,
          legs.map(({ model }) => ({ model: model.id, license: model.license })),
        ]),
      ),
      unavailable: routes
        .filter(([, legs]) => !legs.every(({ model }) => hasModel(model)))
        .map(([target]) => target),
    };
  });
}

/** Whether every file transformers.js reads for `spec` is in the server's model folder. */
function isInstalled(spec: ModelSpec): boolean {
  const folder = path.join(localModelsDir(), spec.id);
  return modelFiles(spec).every((file) => existsSync(path.join(folder, file)));
}
