import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A second instance of the app, from the build the main web server made, with its own environment: how a
 * test sees the production default of a setting the main instance relaxes (BITEXT_ALLOW_PRIVATE_URLS).
 */
export { startApp } from '../../scripts/app-server';

export interface LocalServer {
  origin: string;
  close(): Promise<void>;
}

/** A plain web server on 127.0.0.1 answering `pages` (path → HTML), as a news site would. */
export async function servePages(pages: Record<string, string>): Promise<LocalServer> {
  const server = http.createServer((request, response) => {
    const body = pages[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (body === undefined) response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
