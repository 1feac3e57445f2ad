import 'server-only';
import { closeDigestQueue } from '@/lib/queue';
import { closeDatabase } from '@/lib/store/db';

/**
 * On SIGTERM/SIGINT: stop taking digest jobs, cancel the running ones (their streams end with `cancelled`
 * rather than hanging), and close SQLite so the WAL is checkpointed. Next's own handler then closes the
 * HTTP server and exits.
 */
export function installShutdownHandler(): void {
  const shutDown = () => {
    // Synchronously refuses new jobs and cancels the running ones; the rest (closing Redis) may trail.
    void closeDigestQueue();
    closeDatabase();
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}
