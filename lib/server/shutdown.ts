import 'server-only';
import { closeDigestQueue } from '@/lib/queue';
import { closeStore } from '@/lib/store';

/**
 * On SIGTERM/SIGINT: stop taking digest jobs, cancel the running ones (their streams end with `cancelled`
 * rather than hanging), and close the store: SQLite at once, so the WAL is checkpointed (its close is
 * synchronous, before this handler returns); a Postgres pool as its connections end. Next's own handler
 * then closes the HTTP server and exits.
 */
export function installShutdownHandler(): void {
  const shutDown = () => {
    // Synchronously refuses new jobs and cancels the running ones; the rest (closing Redis) may trail.
    void closeDigestQueue();
    closeStore().catch((error: unknown) => console.error('Closing the store failed', error));
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}
