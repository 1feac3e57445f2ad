import { authorize } from '@/lib/libretranslate/access';
import {
  apiKeyOf,
  checkCharLimit,
  parseFields,
  readFields,
  translateFields,
} from '@/lib/libretranslate/request';
import { libreResponse, preflight } from '@/lib/libretranslate/respond';
import { assertModelsRunHere } from '@/lib/queue';
import { libreTranslate } from '@/lib/libretranslate/translate';
import { serverPipelineContext } from '@/lib/server/engine';

export const OPTIONS = preflight;

export function POST(request: Request) {
  return libreResponse(async () => {
    const fields = await readFields(request);
    await authorize(request, apiKeyOf(fields), { metered: true });
    const parsed = parseFields(translateFields, fields);
    checkCharLimit(typeof parsed.q === 'string' ? [parsed.q] : parsed.q);
    assertModelsRunHere();
    return libreTranslate(parsed, serverPipelineContext(request.signal));
  });
}
