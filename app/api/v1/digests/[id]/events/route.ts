import { digestQueue } from '@/lib/queue';
import { digestEventStream } from '@/lib/queue/sse';
import { handle } from '@/lib/server/http';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return handle(
    async () =>
      new Response(await digestEventStream(digestQueue(), id), {
        headers: {
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-cache',
          // nginx buffers responses by default, which would hold events back until the stream ends.
          'X-Accel-Buffering': 'no',
        },
      }),
  );
}
