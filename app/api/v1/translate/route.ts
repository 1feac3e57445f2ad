import { translateText } from '@/lib/pipeline/tasks';
import { assertModelsRunHere } from '@/lib/queue';
import { translateRequest } from '@/lib/schemas/api';
import { serverPipelineContext } from '@/lib/server/engine';
import { handle, readJson, supportedLanguage } from '@/lib/server/http';
import { enforceRateLimit } from '@/lib/server/rate-limit';

export function POST(request: Request) {
  return handle(async () => {
    await enforceRateLimit('inference', request);
    const { text, segments, source, target, romanize } = await readJson(request, translateRequest);
    assertModelsRunHere();
    return translateText(
      segments ? { segments } : { text: text ?? '' },
      { source: supportedLanguage(source), target: supportedLanguage(target), romanize },
      serverPipelineContext(request.signal),
    );
  });
}
