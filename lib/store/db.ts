import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { processGlobal } from '@/lib/process-global';
import { serverEnv } from '@/lib/server/engine';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

/** How long a writer waits for another connection's lock (another process, or `next build` workers). */
const BUSY_TIMEOUT_MS = 5_000;

/** Open (creating the file and its folder if needed) and migrate a database. */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL lets readers go on while a job writes its result; NORMAL is durable enough for a cache in WAL.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Apply the migrations this database has not seen, in order, all or none; returns the versions applied. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && m.version <= previous.version) {
      throw new Error(`Migration ${m.version} (${m.name}) must come after ${previous.version}`);
    }
  });
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const run = db.transaction(() => {
    const seen = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all());
    const pending = migrations.filter((m) => !seen.has(m.version));
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
    return pending.map((m) => m.version);
  });
  // IMMEDIATE takes the write lock before reading, so two processes starting together cannot both migrate.
  return run.immediate();
}

// One connection per process, shared by every route bundle.
const connection = processGlobal('db', () => openDatabase(path.join(serverEnv().dataDir, 'bitext.db')));

/** The app's database, `<BITEXT_DATA_DIR>/bitext.db`, opened and migrated on first use. */
export function database(): Db {
  return connection.get();
}

/** Closes the app's database if it was opened (graceful shutdown); a later call to database() reopens it. */
export function closeDatabase(): void {
  connection.peek()?.close();
  connection.clear();
}
