import dc from 'node:diagnostics_channel';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A web server on 127.0.0.1 for URL-import tests, counting the connections it is offered. */
export interface PageServer {
  origin: string;
  port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** Serves `routes` by path; anything else is a 404. */
export async function startPageServer(routes: Record<string, Route>): Promise<PageServer> {
  let connections = 0;
  const server = http.createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (route) route(request, response);
    else response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    close: () =>
      new Promise((resolve) => {
        // Tests leave some requests hanging on purpose (timeouts): drop them rather than wait.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with `body` as `type`. */
export function page(body: string | Uint8Array, type = 'text/html; charset=utf-8', headers = {}): Route {
  return (_request, response) => response.writeHead(200, { 'content-type': type, ...headers }).end(body);
}

export function redirect(location: string, status = 302): Route {
  return (_request, response) => response.writeHead(status, { location }).end();
}

/**
 * Counts TCP client sockets this process opens, through Node's own `net.client.socket` channel: a
 * refused URL must not open one.
 */
export function watchClientSockets(): { count(): number; stop(): void } {
  let count = 0;
  const onSocket = () => count++;
  dc.subscribe('net.client.socket', onSocket);
  return { count: () => count, stop: () => dc.unsubscribe('net.client.socket', onSocket) };
}
