import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readEventStream, type ServerSentEvent } from '@/hooks/event-stream';

/** Chunks written with a pause between them, so the client really receives them apart. */
const CHUNKS: Record<string, (string | Uint8Array)[]> = {
  '/split': [
    ': keep-alive\n\n',
    'event: progress\ndata: {"done":1,',
    '"total":3}\n\nevent: partial\r\n',
    'data: {"text":"Моск',
    // "ва" split inside its UTF-8 bytes: the decoder must hold the half character.
    Buffer.from('ва"}\n\n', 'utf8').subarray(0, 1),
    Buffer.from('ва"}\n\n', 'utf8').subarray(1),
    'data: first line\ndata: second line\n\n',
    'event: done\ndata: {}\n\n',
  ],
};

let server: http.Server;
/** Whether the client hung up on /endless, which never ends by itself. */
let closedEarly = false;
let origin: string;

beforeAll(async () => {
  server = http.createServer(async (request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    if (request.url === '/endless') {
      response.write('event: progress\ndata: {}\n\n');
      response.on('close', () => (closedEarly = true));
      return;
    }
    for (const chunk of CHUNKS[request.url ?? ''] ?? []) {
      response.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

async function collect(path: string): Promise<ServerSentEvent[]> {
  const response = await fetch(`${origin}${path}`);
  const events: ServerSentEvent[] = [];
  for await (const event of readEventStream(response.body!)) events.push(event);
  return events;
}

describe('readEventStream', () => {
  it('reassembles events however the network splits them', async () => {
    expect(await collect('/split')).toEqual([
      { event: 'progress', data: '{"done":1,"total":3}' },
      { event: 'partial', data: '{"text":"Москва"}' },
      { event: 'message', data: 'first line\nsecond line' },
      { event: 'done', data: '{}' },
    ]);
  });

  it('closes the connection when the reader stops early', async () => {
    const response = await fetch(`${origin}/endless`);
    for await (const event of readEventStream(response.body!)) {
      expect(event.event).toBe('progress');
      break;
    }
    await expect.poll(() => closedEarly).toBe(true);
  });
});
