import { digestQueue } from '@/lib/queue';
import { digestRequest } from '@/lib/schemas/api';
import { handle, readJson, supportedLanguage } from '@/lib/server/http';
import { enforceRateLimit } from '@/lib/server/rate-limit';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    await enforceRateLimit('digests', request);
    const body = await readJson(request, digestRequest);
    const job = await digestQueue().submit({
      ...body,
      source: supportedLanguage(body.source),
      targets: body.targets.map((target) => supportedLanguage(target)),
    });
    // The job as GET shows it. Usually queued or running, and the client follows it at its URL (or its
    // events); a digest made before comes back done, with its result, so a repeat takes one round trip.
    return Response.json(job, { status: 202, headers: { Location: `/api/v1/digests/${job.id}` } });
  });
}
