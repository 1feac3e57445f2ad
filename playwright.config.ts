import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig, devices } from '@playwright/test';

const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** We drive the system Chromium: Playwright's own browser download needs a network CI does not have. */
function chromiumPath(): string {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  throw new Error(
    `No Chromium found for the e2e tests. Install it (Debian/Ubuntu: apt-get install chromium) so that ` +
      `${DEBIAN_CHROMIUM} exists, or set PLAYWRIGHT_CHROMIUM_PATH to a Chrome or Chromium binary.`,
  );
}

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
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            // Any host but loopback fails to resolve, so a page that reaches for the internet fails loudly.
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
          ],
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
      BITEXT_DATA_DIR: process.env.BITEXT_E2E_DATA_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
