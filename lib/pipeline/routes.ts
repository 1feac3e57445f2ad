/**
 * The translation route a pipeline run may use, or the error its reader should see: the registry picks the
 * models, the host's policy (BITEXT_ALLOW_NONCOMMERCIAL) may rule some out.
 */
import { BitextError } from '@/lib/errors';
import type { LanguageCode } from '@/lib/langs';
import {
  isNonCommercial,
  summarizerModel,
  summaryRoute,
  translationRoute,
  type SummaryRoute,
  type TranslationRoute,
} from '@/lib/models/registry';
import type { PipelineContext } from './context';

type RouteContext = Pick<PipelineContext, 'profile' | 'allowNonCommercial'>;

export function routeFor(
  context: RouteContext,
  source: LanguageCode,
  target: LanguageCode,
): TranslationRoute {
  const route = translationRoute(context.profile, source, target, context);
  if (route) return route;
  throw noRoute(context, source, target);
}

/** How an abstractive summary of an article in `language` is made here, or why it cannot be. */
export function summaryRouteFor(context: RouteContext, language: LanguageCode): SummaryRoute {
  const route = summaryRoute(context.profile, language, context);
  if (route) return route;
  throw noRoute(context, language, summarizerModel(context.profile).language);
}

function noRoute(context: RouteContext, source: LanguageCode, target: LanguageCode): BitextError {
  const restricted = translationRoute(context.profile, source, target)?.find((leg) =>
    isNonCommercial(leg.model),
  );
  if (restricted) {
    const { id, license } = restricted.model;
    return new BitextError(
      'noncommercial_disallowed',
      `Only ${id} (${license}, non-commercial use only) translates ${source} into ${target}, and this server does not allow non-commercial models (BITEXT_ALLOW_NONCOMMERCIAL=0).`,
      { source, target, model: id, license },
    );
  }
  return new BitextError('unsupported_language', `No model translates ${source} into ${target}.`, {
    source,
    target,
  });
}
