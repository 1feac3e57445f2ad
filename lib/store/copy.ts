import 'server-only';
import type { Store } from './port';

/** Shares read and written per round trip. */
const BATCH = 500;

export interface CopyCounts {
  shares: { copied: number; skipped: number };
  apiKeys: { copied: number; skipped: number };
}

/**
 * Copies every share and API key from one store into another, rows as they are (ids, token and key hashes,
 * timestamps), so links, delete tokens and keys handed out keep working. A row whose id is already there is
 * skipped, so a second run (or one after an interrupted first) copies only what is missing. The result
 * cache and translated files are left behind: both refill by themselves.
 */
export async function copyStore(from: Store, to: Store): Promise<CopyCounts> {
  await to.migrate();
  const counts: CopyCounts = { shares: { copied: 0, skipped: 0 }, apiKeys: { copied: 0, skipped: 0 } };
  const count = (tally: { copied: number; skipped: number }, inserted: boolean) => {
    if (inserted) tally.copied++;
    else tally.skipped++;
  };
  for (let page = await from.shares.page('', BATCH); page.length;) {
    for (const share of page) count(counts.shares, await to.shares.insert(share));
    page = await from.shares.page(page.at(-1)!.id, BATCH);
  }
  for (const key of await from.keys.all()) count(counts.apiKeys, await to.keys.insert(key));
  return counts;
}
