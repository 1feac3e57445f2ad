import { matchesEntityTag, SHARE_CACHE_CONTROL } from '@/lib/http-cache';
import { handle } from '@/lib/server/http';
import { shareStore } from '@/lib/store';

interface Params {
  params: Promise<{ id: string }>;
}

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return handle(async () => {
    const { body, etag } = await shareStore().entity(id);
    const headers = { etag, 'cache-control': SHARE_CACHE_CONTROL };
    // A cache that holds this very share asks again with its ETag: it may keep its copy, no body needed.
    if (matchesEntityTag(request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(body, { headers: { ...headers, 'content-type': 'application/json' } });
  });
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return handle(async () => {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
    await shareStore().delete(id, token);
    return new Response(null, { status: 204 });
  });
}
