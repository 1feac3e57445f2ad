/**
 * Postgres and Redis for tests, benchmarks and the fault script: real servers from the system packages
 * (Debian `postgresql`, `redis-server`), each in a fresh temporary folder on a free loopback port, no Docker.
 * Every server started here is stopped by its pid when this process exits, also after a failure.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './app-server';

const run = promisify(execFile);

export interface Service {
  /** `postgres://…` or `redis://…`, on 127.0.0.1. */
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then SIGKILL) and waits until it is gone; its data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data (after `stop`): how fault tests bring a dependency back. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

/** Pids of servers this process started and has not stopped: killed on exit, whatever the exit. */
const running = new Set<number>();
let exitHooked = false;

function track(pid: number): void {
  running.add(pid);
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const server of running) {
      try {
        process.kill(server, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
  // A signal's default action skips 'exit' handlers; exiting on it runs them.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
  }
}

/** The newest installed PostgreSQL's bin folder (Debian puts each major version in its own). */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(root, versions[0], 'bin');
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether the servers can be started here; the reason when not (tests skip, with it, outside CI). */
export function servicesMissing(): string | undefined {
  const missing = [!postgresBin() && 'postgresql', !onPath('redis-server') && 'redis-server'].filter(Boolean);
  return missing.length
    ? `not installed: ${missing.join(', ')} (apt-get install postgresql redis-server)`
    : undefined;
}

async function waitUntilGone(pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      running.delete(pid);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  process.kill(pid, 'SIGKILL');
  running.delete(pid);
}

async function stopPid(pid: number | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch {
    running.delete(pid);
    return;
  }
  await waitUntilGone(pid);
}

function readPid(file: string): number {
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

/** The pid once the file is there and written (the daemon creates it, then writes it), else NaN. */
function readPidIfThere(file: string): number {
  return existsSync(file) ? readPid(file) : NaN;
}

/**
 * A Postgres cluster owned by the `postgres` user when run as root (Postgres refuses to run as root), with
 * trust auth on loopback, database `bitext`, user `bitext`.
 */
export async function startPostgres(): Promise<Service> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql).');
  const dir = await mkdtemp(path.join(tmpdir(), 'bitext-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const as = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
  const data = path.join(dir, 'data');
  await as(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'bitext',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const port = await freePort();
  let pid: number | undefined;
  const start = async () => {
    await as(path.join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-w',
      '-l',
      path.join(dir, 'server.log'),
      'start',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
    ]);
    pid = readPid(path.join(data, 'postmaster.pid'));
    track(pid);
  };
  await start();
  await as(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'bitext', 'bitext']);
  // SIGINT is Postgres's fast shutdown: it disconnects clients rather than waiting for them to leave.
  const stop = () => stopPid(pid, 'SIGINT');
  return {
    url: `postgres://bitext@127.0.0.1:${port}/bitext`,
    port,
    stop,
    start,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A Redis without persistence, with the eviction policy BullMQ needs (it must never drop a job's keys). */
export async function startRedis(): Promise<Service> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bitext-redis-'));
  const port = await freePort();
  const pidFile = path.join(dir, 'redis.pid');
  let pid: number | undefined;
  const start = async () => {
    // A pid file left by a server that was killed would name a dead pid, and the new server would go untracked.
    await rm(pidFile, { force: true });
    await run('redis-server', [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--daemonize',
      'yes',
      '--pidfile',
      pidFile,
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ]);
    // The daemon writes its pid file just after forking; the server answers once it is there.
    const deadline = Date.now() + 5_000;
    while (!(readPidIfThere(pidFile) > 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    pid = readPid(pidFile);
    track(pid);
    await run('redis-cli', ['-p', String(port), 'ping']);
  };
  await start();
  const stop = () => stopPid(pid);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
