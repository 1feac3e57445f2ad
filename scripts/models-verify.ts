/**
 * `npm run models:verify [-- ru zh hi] [--device webgpu]`: on a connected machine, check every model the
 * registry can use (or those for these languages) against BITEXT_HUB_URL: files there with the stated
 * sizes, then a load and canary translations or summaries that must look right. Prints a table; exits 1
 * when any model fails.
 */
import path from 'node:path';
import { LANGUAGES } from '@/lib/langs';
import { readEnv } from '@/lib/server/env';
import { parseModelArgs } from './models/args';
import { formatTable, verifyModels, verifyTargets } from './models/verify';

async function main(): Promise<void> {
  const env = readEnv();
  const args = parseModelArgs(process.argv.slice(2));
  const languages = args.languages.length > 0 ? args.languages : LANGUAGES.map((l) => l.code);
  const targets = verifyTargets(env.profile, languages, env);
  process.stderr.write(`Verifying ${targets.length} model(s) against ${env.hubUrl}\n`);
  const rows = await verifyModels(targets, {
    profile: env.profile,
    hubUrl: env.hubUrl,
    cacheDir: path.join(env.dataDir, 'hub-cache'),
    devices: args.devices,
  });
  process.stdout.write(`${formatTable(rows)}\n`);
  if (rows.some((row) => !row.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
