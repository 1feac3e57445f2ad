import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shareRequest, type ShareRequest } from '@/lib/schemas/share';
import type { ShareRows } from '@/lib/store/port';
import { createShareStore, type ShareEvictions } from '@/lib/store/shares';
import { openSqliteStore } from '@/lib/store/sqlite';
import { seedShareRequest } from '../support/share-request';

// What every adapter must do is in contract.test.ts; this is the hot cache's own timing, on SQLite.

let request: ShareRequest;
beforeAll(async () => {
  request = shareRequest.parse(await seedShareRequest());
});

/** Evictions as another process would send them, delivered whenever the test says. */
function channel() {
  let listener: Parameters<ShareEvictions['subscribe']>[0] | undefined;
  const evictions: ShareEvictions = {
    publish: async () => {},
    subscribe: (l) => {
      listener = l;
    },
  };
  return { evictions, hear: (id: string) => listener?.evict(id) };
}

describe('the hot share cache', () => {
  it('does not keep a row read while an eviction for it arrived (deleted through another process)', async () => {
    const rows = openSqliteStore(
      path.join(mkdtempSync(path.join(tmpdir(), 'bitext-hot-')), 'bitext.db'),
    ).shares;
    const { id } = await createShareStore(rows).create(request);
    // Another process deletes the share while this one's read of it is on its way back from the database.
    const { evictions, hear } = channel();
    let inFlight = true;
    const racing: ShareRows = {
      ...rows,
      find: async (key) => {
        const row = await rows.find(key);
        if (inFlight) {
          inFlight = false;
          await rows.delete(key);
          hear(key);
        }
        return row;
      },
    };
    const store = createShareStore(racing, { evictions });
    // That read still answers with what it found…
    expect((await store.get(id)).id).toBe(id);
    // …but the share is not kept: the next read asks the database, which says it is gone.
    expect(await store.state(id)).toEqual({ status: 'missing' });
  });
});
