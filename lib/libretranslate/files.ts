import 'server-only';
import { BitextError } from '@/lib/errors';
import { processGlobal } from '@/lib/process-global';
import { appStore } from '@/lib/store';
import type { FileRows } from '@/lib/store/port';
import { randomToken } from '@/lib/store/tokens';

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
  save(file: TranslatedFile): Promise<string>;
  /** Throws `not_found` for an unknown or expired id. */
  read(id: string): Promise<TranslatedFile>;
}

export function createFileStore(rows: FileRows, now: () => number = Date.now): FileStore {
  return {
    async save({ name, contentType, body }) {
      const id = randomToken(16);
      await rows.purge(now());
      await rows.insert({ id, name, contentType, body, expiresAt: now() + FILE_TTL_MS });
      return id;
    },
    async read(id) {
      const row = ID_PATTERN.test(id) ? await rows.find(id, now()) : undefined;
      if (!row)
        throw new BitextError('not_found', 'There is no translated file here (files are kept for an hour).');
      return { name: row.name, contentType: row.contentType, body: row.body };
    },
  };
}

const fileStore = processGlobal('translatedFiles', () => createFileStore(appStore().files));

export function translatedFiles(): FileStore {
  return fileStore.get();
}
