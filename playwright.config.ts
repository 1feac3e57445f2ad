import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig, devices } from '@playwright/test';

import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium';

// Overridable so that two checkouts on one machine can run their e2e suites side by side.
const PORT = Number(process.env.BITEXT_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Each run gets an empty store. Playwright loads this file again in every worker; they inherit this variable
// from the main process, so only one directory is made per run.
process.env.BITEXT_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'bitext-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    // Pinned so that `/` redirects to `/en` whatever the machine's language.
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: `npm run build && npx next start -H 127.0.0.1 -p ${PORT}`,
    url: `${baseURL}/en`,
    reuseExistingServer: !process.env.CI,
    // A production build on two cores takes a few minutes.
    timeout: 5 * 60_000,
    stdout: 'pipe',
    env: {
      BITEXT_MODEL_PROFILE: 'fixtures',
      BITEXT_ALLOW_REMOTE_MODELS: '0',
      // The URL-import test serves its pages on 127.0.0.1.
      BITEXT_ALLOW_PRIVATE_URLS: '1',
      // Every spec shares from 127.0.0.1: the default 10 shares a minute per address is one reader's budget,
      // and the limits count in fixed one-minute windows (lib/server/rate-limit.ts).
      BITEXT_RATE_SHARES: '100',
      BITEXT_DATA_DIR: process.env.BITEXT_E2E_DATA_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
