import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeyStore } from '@/lib/libretranslate/keys';
import { shareRequest, type ShareRequest } from '@/lib/schemas/share';
import { openPostgresStore } from '@/lib/store/postgres';
import { createShareStore, type ShareEntity } from '@/lib/store/shares';
import { openSqliteStore } from '@/lib/store/sqlite';
import { startPostgres, type Service } from '@/scripts/services';
import { failure } from '../support/bitext-error';
import { servicesUnavailable } from '../support/services';
import { seedShareRequest } from '../support/share-request';

const root = path.resolve(import.meta.dirname, '../..');

/** `npm run store:migrate -- …`, as an operator types it, with this test's data dir. */
async function storeMigrate(dataDir: string, ...args: string[]) {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  return promisify(execFile)(tsx, ['--conditions=react-server', 'scripts/store-migrate.ts', ...args], {
    cwd: root,
    // Only the arguments say where to copy: no database URL from this machine's environment.
    // (a variable set to undefined is left out of the child's environment).
    env: { ...process.env, BITEXT_DATA_DIR: dataDir, BITEXT_DATABASE_URL: undefined },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

let postgres: Service;
let request: ShareRequest;

describe.skipIf(servicesUnavailable())('npm run store:migrate', () => {
  beforeAll(async () => {
    [postgres, request] = await Promise.all([
      startPostgres(),
      seedShareRequest().then((r) => shareRequest.parse(r)),
    ]);
  });
  afterAll(async () => {
    await postgres?.close();
  });

  it('moves every SQLite share and key into Postgres as they were; a second run copies nothing', async () => {
    // The app as it ran before: SQLite in its data dir.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bitext-migrate-'));
    const sqlite = openSqliteStore(path.join(dataDir, 'bitext.db'));
    const before = createShareStore(sqlite.shares);
    const made = [
      await before.create(request),
      await before.create({ ...request, expires: '7d' }),
      await before.create({ ...request, title: 'Another title' }),
    ];
    const entities: ShareEntity[] = await Promise.all(made.map((m) => before.entity(m.id)));
    const key = await createApiKeyStore(sqlite.keys).create({ name: 'mastodon', perMinute: 120 });
    await sqlite.close();

    const first = await storeMigrate(dataDir, '--from', 'sqlite', '--to', postgres.url);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      shares: { copied: 3, skipped: 0 },
      apiKeys: { copied: 1, skipped: 0 },
    });
    // Again, naming the file itself: everything is there already.
    const again = await storeMigrate(
      '/nonexistent',
      '--from',
      path.join(dataDir, 'bitext.db'),
      '--to',
      postgres.url,
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      shares: { copied: 0, skipped: 3 },
      apiKeys: { copied: 0, skipped: 1 },
    });

    const target = openPostgresStore(postgres.url);
    try {
      const after = createShareStore(target.shares);
      // Byte for byte, so the same ETag: ids, titles, payloads and timestamps all kept.
      for (const [i, { id }] of made.entries()) expect(await after.entity(id)).toEqual(entities[i]);
      expect((await after.get(made[1]!.id)).expiresAt).toBe(made[1]!.expiresAt);
      expect(await createApiKeyStore(target.keys).find(key.key)).toMatchObject({
        id: key.id,
        perMinute: 120,
      });
      // The delete tokens handed out by the old server still work on the new one (their hashes moved).
      expect((await failure(after.delete(made[0]!.id, 'not-the-token'))).code).toBe('forbidden');
      await after.delete(made[0]!.id, made[0]!.deleteToken);
      expect((await failure(after.get(made[0]!.id))).code).toBe('not_found');
    } finally {
      await target.close();
    }
  });

  it('refuses a missing source or target with its usage and exit status 2, creating nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bitext-migrate-'));
    const noSource = await storeMigrate(dataDir, '--from', 'sqlite', '--to', postgres.url);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toMatch(/no SQLite database at/);
    const noTarget = await storeMigrate(dataDir, '--from', 'sqlite');
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toMatch(/Usage: npm run store:migrate/);
  });
});
