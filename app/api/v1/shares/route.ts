import { LIMITS } from '@/lib/limits';
import { shareRequest, type ShareCreated } from '@/lib/schemas/share';
import { handle, publicOrigin, readJson } from '@/lib/server/http';
import { enforceRateLimit } from '@/lib/server/rate-limit';
import { shareStore } from '@/lib/store';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    await enforceRateLimit('shares', request);
    const body = await readJson(request, shareRequest, { maxBytes: LIMITS.shareBytes });
    const created = await shareStore().create(body);
    // No locale in the link: whoever opens it is sent to the share page in their own UI language.
    const url = new URL(`/s/${created.id}`, publicOrigin(request)).href;
    return Response.json({ ...created, url } satisfies ShareCreated, { status: 201 });
  });
}
