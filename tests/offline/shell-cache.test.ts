import { describe, expect, it } from 'vitest';
import { shellCacheName, staleShellCaches } from '@/lib/offline/shell-cache';

describe('shell caches across builds', () => {
  it('gives each build its own cache', () => {
    expect(shellCacheName('build-2')).not.toBe(shellCacheName('build-1'));
  });

  it("deletes earlier builds' shells on activate, never the current one nor the downloaded models", () => {
    const current = shellCacheName('build-2');
    const keys = [shellCacheName('build-1'), current, 'transformers-cache', shellCacheName('build-0')];
    expect(staleShellCaches(keys, current)).toEqual([shellCacheName('build-1'), shellCacheName('build-0')]);
  });
});
