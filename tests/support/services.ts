import { servicesMissing } from '@/scripts/services';

/**
 * Why the suites that need Postgres and Redis cannot run on this machine (they skip, saying so), or
 * undefined. On CI they must run: `.ci/run` installs both, so a missing server there fails the run.
 */
export function servicesUnavailable(): string | undefined {
  const missing = servicesMissing();
  if (missing && process.env.CI) throw new Error(`CI needs Postgres and Redis: ${missing}`);
  return missing;
}
