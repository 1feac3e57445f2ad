/**
 * API keys for the LibreTranslate-compatible API:
 *   npm run keys -- create --name mastodon [--rate 120/min]   prints the key, once
 *   npm run keys -- list                                      names, ids and rates (never the keys)
 *   npm run keys -- revoke <name|id>
 */
import { parseArgs } from 'node:util';
import { isBitextError } from '@/lib/errors';
import { apiKeys, parseRate } from '@/lib/libretranslate/keys';
import { closeStore } from '@/lib/store';

const USAGE = `Usage: npm run keys -- <create|list|revoke> [options]
  create --name <name> [--rate 120/min]   make a key (default rate 60/min; 0/min = no limit)
  list                                    the keys: id, name, rate, created
  revoke <name|id>                        delete a key; requests with it get 403 from then on`;

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, rate: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, target] = positionals;
  const store = apiKeys();
  if (values.help) {
    console.log(USAGE);
  } else if (command === 'create' && values.name && positionals.length === 1) {
    const created = await store.create({ name: values.name, perMinute: parseRate(values.rate ?? '60/min') });
    console.log(
      `Created key "${created.name}" (id ${created.id}, ${created.perMinute}/min). It is shown only now:`,
    );
    console.log(`  key: ${created.key}`);
  } else if (command === 'list' && positionals.length === 1) {
    for (const key of await store.list()) {
      console.log(
        [key.id, key.name, key.perMinute ? `${key.perMinute}/min` : 'unlimited', key.createdAt].join('  '),
      );
    }
  } else if (command === 'revoke' && target && positionals.length === 2) {
    const revoked = await store.revoke(target);
    console.log(`Revoked key "${revoked.name}" (id ${revoked.id}).`);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}

try {
  await run(process.argv.slice(2));
} catch (error) {
  if (!isBitextError(error) && !(error instanceof TypeError)) throw error;
  // parseArgs reports unknown options as TypeErrors; both are the operator's to fix, not a crash.
  console.error(`${error.message}\n\n${USAGE}`);
  process.exitCode = 2;
} finally {
  await closeStore();
}
