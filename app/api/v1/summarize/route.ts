import { summarizeText } from '@/lib/pipeline/tasks';
import { assertModelsRunHere } from '@/lib/queue';
import { summarizeRequest } from '@/lib/schemas/api';
import { serverPipelineContext } from '@/lib/server/engine';
import { handle, readJson, supportedLanguage } from '@/lib/server/http';
import { enforceRateLimit } from '@/lib/server/rate-limit';

export function POST(request: Request) {
  return handle(async () => {
    await enforceRateLimit('inference', request);
    const { text, language, ...options } = await readJson(request, summarizeRequest);
    // An extractive summary needs no model: every web process makes it.
    if (options.mode === 'abstractive') assertModelsRunHere();
    return summarizeText(
      text,
      { ...options, language: supportedLanguage(language) },
      serverPipelineContext(request.signal),
    );
  });
}
