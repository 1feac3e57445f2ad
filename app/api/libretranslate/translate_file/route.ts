import { authorize } from '@/lib/libretranslate/access';
import { apiKeyOf, fileFields, parseFields, readFields } from '@/lib/libretranslate/request';
import { libreResponse, preflight } from '@/lib/libretranslate/respond';
import { assertModelsRunHere } from '@/lib/queue';
import { translateFile } from '@/lib/libretranslate/translate-file';
import { serverPipelineContext } from '@/lib/server/engine';
import { publicOrigin } from '@/lib/server/http';

export const OPTIONS = preflight;

export function POST(request: Request) {
  return libreResponse(async () => {
    const fields = await readFields(request);
    await authorize(request, apiKeyOf(fields), { metered: true });
    assertModelsRunHere();
    const id = await translateFile(parseFields(fileFields, fields), serverPipelineContext(request.signal));
    const url = new URL(`/api/libretranslate/download_file/${id}`, publicOrigin(request));
    return { translatedFileUrl: url.href };
  });
}
