import { handle } from '@/lib/server/http';
import { shareStore } from '@/lib/store/shares';

interface Params {
  params: Promise<{ id: string }>;
}

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return handle(
    async () => new Response(shareStore().body(id), { headers: { 'content-type': 'application/json' } }),
  );
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return handle(async () => {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
    shareStore().delete(id, token);
    return new Response(null, { status: 204 });
  });
}
