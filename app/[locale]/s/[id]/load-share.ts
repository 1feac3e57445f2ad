import 'server-only';
import { cache } from 'react';

import { isBitextError } from '@/lib/errors';
import type { Share } from '@/lib/schemas/share';
import { shareStore } from '@/lib/store';

export type LoadedShare = { status: 'found'; share: Share } | { status: 'expired' } | { status: 'missing' };

/**
 * The share behind a link, read from the store (never through our own API). Cached per request: the page, its
 * metadata and its preview image each ask for it.
 */
export const loadShare = cache(async (id: string): Promise<LoadedShare> => {
  try {
    return { status: 'found', share: await shareStore().get(id) };
  } catch (error) {
    if (isBitextError(error) && error.code === 'expired') return { status: 'expired' };
    if (isBitextError(error) && error.code === 'not_found') return { status: 'missing' };
    throw error;
  }
});
