import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkOrder, MIGRATIONS, type Migration } from './migrations';

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
  checkOrder(migrations);
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
      db.exec(m.sqlite);
      record.run(m.version, m.name, new Date().toISOString());
    }
    return pending.map((m) => m.version);
  });
  // IMMEDIATE takes the write lock before reading, so two processes starting together cannot both migrate.
  return run.immediate();
}
