import { digestQueue } from '@/lib/queue';
import { handle } from '@/lib/server/http';

interface Params {
  params: Promise<{ id: string }>;
}

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return handle(() => digestQueue().get(id));
}

export async function DELETE(_request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  return handle(async () => {
    await digestQueue().cancel(id);
    return new Response(null, { status: 204 });
  });
}
