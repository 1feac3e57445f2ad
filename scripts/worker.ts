/**
 * `npm run worker`: an inference worker for the scaled-out topology. Takes digest jobs from the Redis at
 * BITEXT_REDIS_URL (BITEXT_WORKER_CONCURRENCY at once), loads models on first use, writes the result cache,
 * and streams progress back through Redis. Prints a line with "ready" once it takes jobs. On SIGTERM or
 * SIGINT it stops taking jobs, lets the running ones finish (or hands them back to the queue), and exits 0.
 */
import { startDigestWorker } from '@/lib/queue/bullmq-worker';
import { serverEnv, serverPipelineContext } from '@/lib/server/engine';
import { closeStore, resultCache } from '@/lib/store';

const { redisUrl, workerConcurrency, profile } = serverEnv();
if (!redisUrl) {
  console.error('npm run worker needs BITEXT_REDIS_URL (the Redis the web processes queue digests on).');
  process.exit(1);
}

const worker = startDigestWorker({
  redisUrl,
  concurrency: workerConcurrency,
  context: serverPipelineContext(),
  cache: resultCache(),
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`Worker: ${signal}, finishing the running jobs`);
  worker
    .close()
    .then(() => closeStore())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Worker: shutdown failed', error);
        process.exit(1);
      },
    );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

await worker.ready();
console.log(`Worker ready: ${workerConcurrency} at a time, ${profile} models, pid ${process.pid}`);
