import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '@/lib/store/db';
import { MIGRATIONS, type Migration } from '@/lib/store/migrations';

function tempFile(): string {
  // A folder that does not exist yet: opening must create it.
  return path.join(mkdtempSync(path.join(tmpdir(), 'bitext-db-')), 'data', 'bitext.db');
}

function versions(db: Db): number[] {
  return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
}

function tables(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
}

// A migration appended after the shipped ones.
const NEXT_VERSION = (MIGRATIONS.at(-1)?.version ?? 0) + 1;
const NOTES: Migration = {
  version: NEXT_VERSION,
  name: 'notes',
  sqlite: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;',
  postgres: 'CREATE TABLE notes (id INTEGER PRIMARY KEY);',
};

describe('openDatabase', () => {
  it('creates the file and its folder, in WAL mode with a busy timeout, fully migrated', () => {
    const file = tempFile();
    const db = openDatabase(file);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(tables(db)).toEqual(expect.arrayContaining(['schema_migrations', 'digest_results']));
    db.close();
  });

  it('runs nothing again on reopen, and keeps the data', () => {
    const file = tempFile();
    const first = openDatabase(file);
    first.prepare('INSERT INTO schema_migrations VALUES (999, ?, ?)').run('added by hand', 'now');
    first.close();

    const second = openDatabase(file);
    expect(migrate(second)).toEqual([]);
    expect(versions(second)).toEqual([...MIGRATIONS.map((m) => m.version), 999]);
    second.close();
  });

  it('applies only a migration appended later', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = openDatabase(file, [...MIGRATIONS, NOTES]);
    expect(versions(db)).toEqual([...MIGRATIONS.map((m) => m.version), NEXT_VERSION]);
    expect(tables(db)).toContain('notes');
    db.close();
  });

  it('applies a failing batch of migrations not at all', () => {
    const file = tempFile();
    const broken: Migration = {
      version: NEXT_VERSION + 1,
      name: 'broken',
      sqlite: 'CREATE TABLE later (x INTEGER) STRICT; NOT SQL;',
      postgres: 'CREATE TABLE later (x INTEGER); NOT SQL;',
    };
    expect(() => openDatabase(file, [...MIGRATIONS, NOTES, broken])).toThrow(/syntax error/);

    const db = openDatabase(file, []);
    expect(versions(db)).toEqual([]);
    expect(tables(db)).toEqual(['schema_migrations']);
    db.close();
  });

  it('refuses migrations out of order', () => {
    expect(() => openDatabase(tempFile(), [NOTES, ...MIGRATIONS])).toThrow(
      new RegExp(`must come after ${NEXT_VERSION}`),
    );
  });
});
