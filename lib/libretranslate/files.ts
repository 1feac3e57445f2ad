import 'server-only';
import { BitextError } from '@/lib/errors';
import { database, type Db } from '@/lib/store/db';
import { randomToken } from '@/lib/store/tokens';
import { processGlobal } from '@/lib/process-global';

/**
 * Translated files wait here for their download: under an unguessable id (128 random bits, like a share's),
 * for an hour. Expired files are purged whenever a new one is saved.
 */
export const FILE_TTL_MS = 60 * 60_000;
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/u;

export interface TranslatedFile {
  name: string;
  contentType: string;
  body: Uint8Array;
}

export interface FileStore {
  save(file: TranslatedFile): string;
  /** Throws `not_found` for an unknown or expired id. */
  read(id: string): TranslatedFile;
}

export function createFileStore(db: Db, now: () => number = Date.now): FileStore {
  const insert = db.prepare(
    'INSERT INTO translated_files (id, name, content_type, body, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string, number], { name: string; content_type: string; body: Buffer }>(
    'SELECT name, content_type, body FROM translated_files WHERE id = ? AND expires_at > ?',
  );
  const purge = db.prepare('DELETE FROM translated_files WHERE expires_at <= ?');
  return {
    save({ name, contentType, body }) {
      const id = randomToken(16);
      purge.run(now());
      insert.run(id, name, contentType, body, now() + FILE_TTL_MS);
      return id;
    },
    read(id) {
      const row = ID_PATTERN.test(id) ? select.get(id, now()) : undefined;
      if (!row)
        throw new BitextError('not_found', 'There is no translated file here (files are kept for an hour).');
      return { name: row.name, contentType: row.content_type, body: row.body };
    },
  };
}

const fileStore = processGlobal('translatedFiles', () => createFileStore(database()));

export function translatedFiles(): FileStore {
  return fileStore.get();
}
