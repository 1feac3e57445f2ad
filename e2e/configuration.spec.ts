import { expect, test } from '@playwright/test';

import { startApp } from './support/servers';

test('a bad setting stops the app from starting, with a message naming the variable', async () => {
  test.setTimeout(90_000);
  // A limit the client build also reads, and a server setting: one rule for both.
  await expect(startApp({ env: { BITEXT_LIMIT_TARGETS: 'lots' } })).rejects.toThrow(
    /BITEXT_LIMIT_TARGETS="lots"/,
  );
  await expect(startApp({ env: { BITEXT_JOB_CONCURRENCY: '0' } })).rejects.toThrow(
    /BITEXT_JOB_CONCURRENCY="0"/,
  );
});
