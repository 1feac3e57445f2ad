import { digestRequest } from '@/lib/schemas/api';
import { digestJobs } from '@/lib/server/jobs';
import { handle, readJson, supportedLanguage } from '@/lib/server/http';
import { enforceRateLimit } from '@/lib/server/rate-limit';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    enforceRateLimit('digests', request);
    const body = await readJson(request, digestRequest);
    const { id } = digestJobs().submit({
      ...body,
      source: supportedLanguage(body.source),
      targets: body.targets.map((target) => supportedLanguage(target)),
    });
    // Accepted, not done: the client follows the job at its URL (or its events).
    return Response.json({ id }, { status: 202, headers: { Location: `/api/v1/digests/${id}` } });
  });
}
