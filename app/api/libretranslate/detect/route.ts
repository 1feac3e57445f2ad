import { authorize } from '@/lib/libretranslate/access';
import { apiKeyOf, detectFields, parseFields, readFields } from '@/lib/libretranslate/request';
import { libreResponse, preflight } from '@/lib/libretranslate/respond';
import { libreDetect } from '@/lib/libretranslate/translate';

export const OPTIONS = preflight;

export function POST(request: Request) {
  return libreResponse(async () => {
    const fields = await readFields(request);
    // Detection needs no model and costs about a millisecond: like /api/v1/detect, no rate applies.
    await authorize(request, apiKeyOf(fields), { metered: false });
    return libreDetect(parseFields(detectFields, fields).q);
  });
}
