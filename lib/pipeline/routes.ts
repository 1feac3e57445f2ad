/**
 * The translation route a pipeline run may use, or the error its reader should see: the registry picks the
 * models, the host's policy (BITEXT_ALLOW_NONCOMMERCIAL) may rule some out.
 */
import { BitextError } from '@/lib/errors';
import type { LanguageCode } from '@/lib/langs';
import { isNonCommercial, translationRoute, type TranslationRoute } from '@/lib/models/registry';
import type { PipelineContext } from './context';

export function routeFor(
  context: Pick<PipelineContext, 'profile' | 'allowNonCommercial'>,
  source: LanguageCode,
  target: LanguageCode,
): TranslationRoute {
  const route = translationRoute(context.profile, source, target, context);
  if (route) return route;
  const restricted = translationRoute(context.profile, source, target)?.find((leg) =>
    isNonCommercial(leg.model),
  );
  if (restricted) {
    const { id, license } = restricted.model;
    throw new BitextError(
      'noncommercial_disallowed',
      `Only ${id} (${license}, non-commercial use only) translates ${source} into ${target}, and this server does not allow non-commercial models (BITEXT_ALLOW_NONCOMMERCIAL=0).`,
      { source, target, model: id, license },
    );
  }
  throw new BitextError('unsupported_language', `No model translates ${source} into ${target}.`, {
    source,
    target,
  });
}
