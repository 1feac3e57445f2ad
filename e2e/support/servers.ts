import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/**
 * A second instance of the app, from the build the main web server made, with its own environment: how a
 * test sees the production default of a setting the main instance relaxes (BITEXT_ALLOW_PRIVATE_URLS).
 */
export async function startApp(env: Record<string, string>): Promise<LocalServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      BITEXT_MODEL_PROFILE: 'fixtures',
      BITEXT_ALLOW_REMOTE_MODELS: '0',
      BITEXT_DATA_DIR: mkdtempSync(join(tmpdir(), 'bitext-e2e-second-')),
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: 'ignore',
    detached: true,
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      // npx starts next as a child: signal the whole process group.
      process.kill(-(child.pid ?? 0), 'SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start on port ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) return { origin, close };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await close();
  throw new Error(`next start on port ${port} did not answer within a minute`);
}

/** A port nothing listens on right now, from the OS. */
async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
