/**
 * The scaled-out topology on one machine, as the scale-out e2e, the fault script and the scale bench run it:
 * Postgres + Redis (scripts/services.ts), N `next start` web processes and N `npm run worker` processes, all
 * sharing BITEXT_DATABASE_URL / BITEXT_REDIS_URL, fixtures profile. Uses the existing build in .next.
 * Every child is killed by its pid on exit, also after a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startApp, type AppServer } from './app-server';
import { startPostgres, startRedis, type Service } from './services';

const APP_ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORKER_READY_TIMEOUT_MS = 60_000;
/**
 * V8's old space may grow to about 4 GB on a large machine before it collects hard: under share GETs a web
 * process went from 319 to 796 MB. Capped at 256 MB it stays under 380 MB (no leak: it collects sooner), as
 * the README's "One machine" commands run it. Web processes only: workers hold models on the native heap.
 */
const WEB_NODE_OPTIONS = '--max-old-space-size=256';

export interface WorkerProcess {
  pid: number;
  /** SIGKILL to its whole process group, without waiting: a crash. */
  kill(): void;
  exited: Promise<number | null>;
  close(): Promise<void>;
}

export interface Topology {
  postgres: Service;
  redis: Service;
  web: AppServer[];
  workers: WorkerProcess[];
  /** Origins of the web processes, in order. */
  urls: string[];
  /** Env every process shares: the store and queue URLs and the fixtures profile. */
  env: Record<string, string>;
  /** Starts web process `i` again on its port (after a kill). */
  restartWeb(i: number): Promise<AppServer>;
  /** Starts worker `i` again (after a kill). */
  restartWorker(i: number): Promise<WorkerProcess>;
  /** One more worker (the scale bench measures 1, then 2). */
  addWorker(): Promise<WorkerProcess>;
  close(): Promise<void>;
}

const children = new Set<number>();
process.once('exit', () => {
  for (const pid of children) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/** `npm run worker` in its own process group, ready once a line of its output contains "ready". */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child: ChildProcess = spawn('npm', ['run', 'worker'], {
    cwd: APP_ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  children.add(pid);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(pid);
      resolve(code);
    }),
  );
  const kill = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`worker did not say ready within ${WORKER_READY_TIMEOUT_MS / 1000} s:\n${output}`));
    }, WORKER_READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (/ready/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output}`));
    });
  });
  const close = async () => {
    if (!children.has(pid)) return;
    process.kill(-pid, 'SIGTERM');
    const timer = setTimeout(kill, 10_000);
    await exited;
    clearTimeout(timer);
  };
  return { pid, kill, exited, close };
}

export interface TopologyOptions {
  web?: number;
  workers?: number;
  /** Added to the web processes' env only (say, rate limits off for a load script). */
  webEnv?: Record<string, string>;
  /** Added to the workers' env only (say, BITEXT_THREADS=1). */
  workerEnv?: Record<string, string>;
}

export async function startTopology({
  web = 2,
  workers = 2,
  webEnv = {},
  workerEnv = {},
}: TopologyOptions = {}): Promise<Topology> {
  const started: { close(): Promise<void> }[] = [];
  try {
    const postgres = await startPostgres();
    started.push(postgres);
    const redis = await startRedis();
    started.push(redis);
    const env = {
      BITEXT_MODEL_PROFILE: 'fixtures',
      BITEXT_ALLOW_REMOTE_MODELS: '0',
      BITEXT_DATABASE_URL: postgres.url,
      BITEXT_REDIS_URL: redis.url,
      // One key for every web process: a share has one ETag whichever process answers.
      BITEXT_SHARE_SECRET: randomBytes(32).toString('base64url'),
    };
    const webProcessEnv = { ...env, NODE_OPTIONS: WEB_NODE_OPTIONS, ...webEnv };
    const webs: AppServer[] = [];
    for (let i = 0; i < web; i++) {
      const app = await startApp({ env: webProcessEnv });
      started.push(app);
      children.add(app.pid);
      webs.push(app);
    }
    const workerProcs: WorkerProcess[] = [];
    for (let i = 0; i < workers; i++) {
      const w = await startWorker({ ...env, ...workerEnv });
      started.push(w);
      workerProcs.push(w);
    }
    return {
      postgres,
      redis,
      web: webs,
      workers: workerProcs,
      urls: webs.map((w) => w.origin),
      env,
      async restartWeb(i) {
        const app = await startApp({ env: webProcessEnv, port: webs[i]?.port });
        children.add(app.pid);
        webs[i] = app;
        return app;
      },
      async restartWorker(i) {
        const w = await startWorker({ ...env, ...workerEnv });
        workerProcs[i] = w;
        return w;
      },
      async addWorker() {
        const w = await startWorker({ ...env, ...workerEnv });
        workerProcs.push(w);
        return w;
      },
      async close() {
        await Promise.all([...webs, ...workerProcs].map((p) => p.close()));
        await redis.close();
        await postgres.close();
      },
    };
  } catch (error) {
    for (const s of started.reverse()) await s.close().catch(() => undefined);
    throw error;
  }
}
