import 'server-only';
import type { DigestEvent, DigestQueue } from './port';

/**
 * The body of GET /api/v1/digests/{id}/events, built from `DigestQueue.events` whichever adapter runs the
 * job: one Server-Sent Event per DigestEvent, comment heartbeats so idle proxies keep the stream open, and
 * the end after `done` or `error`. A client that disconnects only stops listening: the job runs on.
 * `not_found` is thrown before the stream starts, so the route can answer it with a 404.
 */
export async function digestEventStream(
  queue: DigestQueue,
  id: string,
  { heartbeatMs = 15_000 }: { heartbeatMs?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  await queue.get(id);
  const encoder = new TextEncoder();
  const listening = new AbortController();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      void (async () => {
        try {
          for await (const event of queue.events(id, listening.signal)) {
            send(format(event));
            if (event.event === 'done' || event.event === 'error') break;
          }
          if (!listening.signal.aborted) controller.close();
        } catch (error) {
          if (!listening.signal.aborted) controller.error(error);
        } finally {
          clearInterval(heartbeat);
        }
      })();
    },
    cancel() {
      clearInterval(heartbeat);
      listening.abort();
    },
  });
}

function format({ event, data }: DigestEvent): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
