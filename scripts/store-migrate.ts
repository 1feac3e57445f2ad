/**
 * Moves shares and API keys from one store into another, e.g. from the embedded SQLite into Postgres
 * before starting several web processes on it:
 *   npm run store:migrate -- --from sqlite --to postgres://bitext@db.internal/bitext
 * Prints what it copied as JSON. Safe to run again (say, after new shares arrived on the old server): rows
 * already there are skipped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isBitextError } from '@/lib/errors';
import { readEnv } from '@/lib/server/env';
import { isPostgresUrl, openStoreAt } from '@/lib/store';
import { copyStore } from '@/lib/store/copy';
import type { Store } from '@/lib/store/port';

const USAGE = `Usage: npm run store:migrate -- --from <store> --to <store>
  <store> is sqlite (BITEXT_DATA_DIR/bitext.db), the path of a SQLite file, or a postgres:// URL.
  Copies shares (ids, delete tokens, expiry kept) and API keys; rows already in the target are skipped.`;

class UsageError extends Error {}

/** `sqlite` is the app's own file; a path names another. Never creates an empty source by a typo. */
function location(spec: string, role: 'from' | 'to'): string {
  if (isPostgresUrl(spec)) return spec;
  const file = spec === 'sqlite' ? path.join(readEnv().dataDir, 'bitext.db') : path.resolve(spec);
  if (role === 'from' && !existsSync(file)) throw new UsageError(`There is no SQLite database at ${file}.`);
  return file;
}

async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.from || !values.to) throw new UsageError('Say where to copy from and to.');
  const stores: Store[] = [];
  try {
    const from = openStoreAt(location(values.from, 'from'));
    stores.push(from);
    const to = openStoreAt(location(values.to, 'to'));
    stores.push(to);
    console.log(JSON.stringify(await copyStore(from, to)));
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  // parseArgs reports unknown options as TypeErrors: the operator's to fix, like a missing argument.
  if (error instanceof UsageError || error instanceof TypeError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (isBitextError(error)) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
