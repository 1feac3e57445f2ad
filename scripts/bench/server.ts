/**
 * The production build under `next start`, for the benchmarks that go through HTTP: on a free loopback
 * port, with the fixture models, a fresh temporary BITEXT_DATA_DIR (removed on close) and the per-client
 * rate limits off, since a benchmark is one client sending thousands of requests.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFixturesRoot, generateFixtures } from '@/scripts/fixtures/generate-fixtures';

export const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NEXT_BIN = path.join(APP_ROOT, 'node_modules/next/dist/bin/next');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface BenchServer {
  origin: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A port nothing listens on right now, from the OS. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let fixturesWritten: Promise<string> | undefined;

/** Fixture models take well under a second to write; writing them once here lets a fresh clone bench. */
function fixtureModels(): Promise<string> {
  const root = defaultFixturesRoot();
  return (fixturesWritten ??= generateFixtures(root).then(() => root));
}

/**
 * Starts the build in .next (it must exist: building takes minutes and would write over the `.next` of a
 * developer's running `next dev`). `env` overrides the defaults, e.g. another BITEXT_FIXTURES_DIR.
 */
export async function startServer(env: Record<string, string> = {}): Promise<BenchServer> {
  if (!existsSync(path.join(APP_ROOT, '.next', 'BUILD_ID'))) {
    throw new Error(
      `No production build in ${APP_ROOT}.next: run \`npm run build\` before \`npm run bench\`.`,
    );
  }
  const fixturesDir = await fixtureModels();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bitext-bench-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // Spawned as plain node, not through tsx: the server must not inherit this process's react-server condition.
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: APP_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      BITEXT_MODEL_PROFILE: 'fixtures',
      BITEXT_ALLOW_REMOTE_MODELS: '0',
      BITEXT_FIXTURES_DIR: fixturesDir,
      BITEXT_DATA_DIR: dataDir,
      BITEXT_RATE_DIGESTS: '0',
      BITEXT_RATE_INFERENCE: '0',
      BITEXT_RATE_EXTRACT: '0',
      BITEXT_RATE_SHARES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The last of its output, to explain a server that dies or never answers.
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) return { origin, dataDir, close };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await close();
  throw new Error(`next start on ${origin} did not answer within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
}

/** Runs `work` against a fresh server and always stops it. */
export async function withServer<T>(
  work: (server: BenchServer) => Promise<T>,
  env?: Record<string, string>,
): Promise<T> {
  const server = await startServer(env);
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}
