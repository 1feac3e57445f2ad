import { join } from 'node:path';

import { expect, type APIRequestContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';

import type { JobView } from '../../lib/pipeline/protocol';
import { toShareRequest, type ShareCreated, type ShareRequest } from '../../lib/schemas/share';
import { MY_SHARES_KEY, myShareEntry, type MyShare } from '../../lib/share-links';

export const SHARE_TARGETS = ['ru', 'zh-Hans', 'hi'] as const;

export const SHARE_OPTIONS: ShareRequest['options'] = {
  summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
  translate: 'both',
};

/**
 * A share made as the workspace makes one after a server run: a real digest job on the fixture models,
 * followed to the end, its result uploaded with the same `toShareRequest` the Share button uses.
 */
export async function createShare(request: APIRequestContext, text: string): Promise<ShareCreated> {
  const started = await request.post('/api/v1/digests', {
    data: { text, targets: SHARE_TARGETS, ...SHARE_OPTIONS },
  });
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  let job: JobView | undefined;
  await expect
    .poll(
      async () => {
        job = (await (await request.get(`/api/v1/digests/${id}`)).json()) as JobView;
        return job.status;
      },
      { timeout: 90_000 },
    )
    .toBe('done');
  const created = await request.post('/api/v1/shares', {
    data: toShareRequest(text, job!.result!, SHARE_OPTIONS),
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as ShareCreated;
}

/** Puts a share in this browser's list as the Share button records it, delete token included. */
export async function rememberShare(page: Page, text: string, created: ShareCreated): Promise<MyShare> {
  const entry = myShareEntry(text, created);
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, JSON.stringify([value])), [
    MY_SHARES_KEY,
    entry,
  ] as const);
  return entry;
}

/**
 * Changes a stored share behind the server's back (as a moved clock or a damaged disk would), in the test
 * server's own database. The server reads it afresh: it caches only shares it has read.
 */
export function alterStoredShare(id: string, column: 'payload' | 'expires_at', value: string | number): void {
  const db = new Database(join(process.env.BITEXT_E2E_DATA_DIR!, 'bitext.db'));
  try {
    db.prepare(`UPDATE shares SET ${column} = ? WHERE id = ?`).run(value, id);
  } finally {
    db.close();
  }
}
