import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS, type Migration } from '@/lib/store/migrations';
import type { Store } from '@/lib/store/port';
import { openPostgresStore } from '@/lib/store/postgres';
import { openSqliteStore } from '@/lib/store/sqlite';
import { startPostgres, type Service } from '@/scripts/services';
import { servicesUnavailable } from './services';

/**
 * Every store adapter, for suites that run once per adapter (`describe.each(ENGINES)`): each test gets a
 * fresh empty database (a new file; a new database on one Postgres server started for the suite).
 */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** Why this engine cannot be tested here (the suite skips), or undefined. */
export function engineUnavailable(engine: Engine): string | undefined {
  return engine === 'postgres' ? servicesUnavailable() : undefined;
}

export interface EngineHarness {
  /** A new, empty database: a file path or a `postgres://` URL. */
  freshLocation(): Promise<string>;
  /** A store on `location`; closed by `stop`. */
  open(location: string, migrations?: readonly Migration[]): Store;
  /** The Postgres server, to stop and start again in fault tests. */
  server?: Service;
  /** Closes every store opened here, and stops the server. */
  stop(): Promise<void>;
}

let databases = 0;

export async function startEngine(engine: Engine): Promise<EngineHarness> {
  const opened: Store[] = [];
  const track = (store: Store) => {
    opened.push(store);
    return store;
  };
  const closeAll = () => Promise.all(opened.splice(0).map((s) => s.close().catch(() => {})));
  if (engine === 'sqlite') {
    return {
      freshLocation: async () => path.join(mkdtempSync(path.join(tmpdir(), 'bitext-store-')), 'bitext.db'),
      open: (file, migrations = MIGRATIONS) => track(openSqliteStore(file, migrations)),
      stop: async () => {
        await closeAll();
      },
    };
  }
  const server = await startPostgres();
  return {
    server,
    async freshLocation() {
      const name = `test_${process.pid}_${++databases}`;
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      return url.href;
    },
    open: (url, migrations = MIGRATIONS) => track(openPostgresStore(url, migrations)),
    async stop() {
      await closeAll();
      await server.close();
    },
  };
}
