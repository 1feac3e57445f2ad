/**
 * The production build under `next start`, as the benchmarks, the e2e tests' second instance and the
 * durability check run it: in its own process group on a loopback port, with the fixture models and a data
 * folder (a fresh temporary one, removed on close, unless one is given), ready once /api/v1/health answers.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_ROOT = fileURLToPath(new URL('../', import.meta.url));
const NEXT_BIN = path.join(APP_ROOT, 'node_modules/next/dist/bin/next');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface AppServer {
  origin: string;
  port: number;
  /** The process group leader's pid: what a fault script kills. */
  pid: number;
  dataDir: string;
  /** Sends `signal` to the server and every process it started. */
  signal(signal: NodeJS.Signals): void;
  /** The exit code (null after a signal), once the server has exited. */
  exited: Promise<number | null>;
  /** SIGTERM (SIGKILL if it is still there after 10 s); then removes the data folder if it made it. */
  close(): Promise<void>;
}

export interface AppServerOptions {
  /** Overrides the defaults: the fixtures profile, no hub, the temporary data folder. */
  env?: Record<string, string>;
  /** Data to start on, kept after close: how a test restarts the app on what it wrote. */
  dataDir?: string;
  /** A fixed port (a restarted web process keeps its address); a free one when absent. */
  port?: number;
}

/** A port nothing listens on right now, from the OS. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts the build in .next (it must exist: building takes minutes and would write over the `.next` of a
 * developer's running `next dev`).
 */
export async function startApp({
  env = {},
  dataDir,
  port: fixedPort,
}: AppServerOptions = {}): Promise<AppServer> {
  if (!existsSync(path.join(APP_ROOT, '.next', 'BUILD_ID'))) {
    throw new Error(`No production build in ${APP_ROOT}.next: run \`npm run build\` first.`);
  }
  const data = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'bitext-app-')));
  const port = fixedPort ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  // Plain node, not through tsx: the server must not inherit its parent's react-server condition. In its own
  // process group, so that a signal reaches every process it starts.
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: APP_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      BITEXT_MODEL_PROFILE: 'fixtures',
      BITEXT_ALLOW_REMOTE_MODELS: '0',
      BITEXT_DATA_DIR: data,
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The last of its output, to explain a server that dies or never answers.
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;

  const signal = (name: NodeJS.Signals) => {
    if (running()) process.kill(-child.pid!, name);
  };
  const close = async () => {
    if (running()) {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    if (dataDir === undefined) await rm(data, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!running()) {
      await close();
      throw new Error(`next start exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok)
        return { origin, port, pid: child.pid!, dataDir: data, signal, exited, close };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await close();
  throw new Error(`next start on ${origin} did not answer within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
}
