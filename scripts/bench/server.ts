/**
 * The app for the benchmarks that go through HTTP (scripts/app-server.ts), with the per-client rate limits
 * off, since a benchmark is one client sending thousands of requests.
 */
import { startApp, type AppServer } from '@/scripts/app-server';
import { defaultFixturesRoot, generateFixtures } from '@/scripts/fixtures/generate-fixtures';

export { freePort } from '@/scripts/app-server';

let fixturesWritten: Promise<string> | undefined;

/** Fixture models take well under a second to write; writing them once here lets a fresh clone bench. */
function fixtureModels(): Promise<string> {
  const root = defaultFixturesRoot();
  return (fixturesWritten ??= generateFixtures(root).then(() => root));
}

/** Runs `work` against a fresh server and always stops it; `env` overrides, e.g. another BITEXT_FIXTURES_DIR. */
export async function withServer<T>(
  work: (server: AppServer) => Promise<T>,
  env: Record<string, string> = {},
): Promise<T> {
  const server = await startApp({
    env: {
      BITEXT_FIXTURES_DIR: await fixtureModels(),
      BITEXT_RATE_DIGESTS: '0',
      BITEXT_RATE_INFERENCE: '0',
      BITEXT_RATE_EXTRACT: '0',
      BITEXT_RATE_SHARES: '0',
      ...env,
    },
  });
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}
