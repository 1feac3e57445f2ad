import { extractRequest } from '@/lib/schemas/api';
import { importArticle } from '@/lib/server/extract-article';
import { handle, readJson } from '@/lib/server/http';
import { enforceRateLimit } from '@/lib/server/rate-limit';

export function POST(request: Request) {
  return handle(async () => {
    // Each import makes the server fetch someone else's page: limited so it cannot be used as a crawler.
    await enforceRateLimit('extract', request);
    const { url } = await readJson(request, extractRequest);
    return importArticle(url, { signal: request.signal });
  });
}
