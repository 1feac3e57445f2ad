import 'server-only';
import { closeDatabase } from '@/lib/store/db';
import { shutDownJobs } from './jobs';

/**
 * On SIGTERM/SIGINT: stop taking digest jobs, cancel the running ones (their streams end with `cancelled`
 * rather than hanging), and close SQLite so the WAL is checkpointed. Next's own handler then closes the
 * HTTP server and exits.
 */
export function installShutdownHandler(): void {
  const shutDown = () => {
    shutDownJobs();
    closeDatabase();
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}
