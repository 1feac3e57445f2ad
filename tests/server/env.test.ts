import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/server/env';
import { DEFAULT_BATCH_SIZE } from '@/lib/pipeline/translate';

describe('readEnv', () => {
  it('has the documented defaults; an unset batch size leaves the pipeline its own', () => {
    expect(readEnv({})).toMatchObject({
      dataDir: path.resolve('data'),
      profile: 'default',
      hubUrl: 'https://huggingface.co/',
      allowRemoteModels: true,
      allowPrivateUrls: false,
      jobConcurrency: 1,
      jobBacklog: 20,
      batchSize: undefined,
      rateLimits: { digests: 20, inference: 60, extract: 20, shares: 10 },
    });
    expect(DEFAULT_BATCH_SIZE).toBe(4);
  });

  it('never reaches for a hub under the fixtures profile', () => {
    const env = readEnv({ BITEXT_MODEL_PROFILE: 'fixtures', BITEXT_ALLOW_REMOTE_MODELS: '1' });
    expect(env.allowRemoteModels).toBe(false);
  });

  it('refuses every bad value at once, naming each variable and what it was set to', () => {
    const read = () =>
      readEnv({ BITEXT_JOB_CONCURRENCY: '40', BITEXT_BATCH_SIZE: '4.5', BITEXT_ALLOW_PRIVATE_URLS: 'yes' });
    expect(read).toThrow(/BITEXT_JOB_CONCURRENCY="40"/);
    expect(read).toThrow(/BITEXT_BATCH_SIZE="4\.5"/);
    expect(read).toThrow(/BITEXT_ALLOW_PRIVATE_URLS="yes"/);
  });

  it('takes a share-page key shared by every web process, refusing one too short to keep nonces secret', () => {
    expect(readEnv({ BITEXT_SHARE_SECRET: 'one key for every web process' }).shareSecret).toBe(
      'one key for every web process',
    );
    expect(() => readEnv({ BITEXT_SHARE_SECRET: 'short' })).toThrow(/BITEXT_SHARE_SECRET/);
  });
});
