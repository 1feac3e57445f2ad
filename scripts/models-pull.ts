/**
 * `npm run models:pull -- ru zh hi`: fetch the registry's models for translating between English and
 * these languages, plus the summariser, into BITEXT_MODELS_DIR (from BITEXT_HUB_URL).
 */
import { LANGUAGES, baseLanguage, type LanguageCode } from '@/lib/langs';
import { modelsForLanguages } from '@/lib/models/registry';
import { readEnv } from '@/lib/server/env';
import { pullModels, type PullProgress } from './models/pull';

/** "zh" means both Chinese scripts; exact codes ("zh-Hans") pick one. */
function resolveLanguages(args: string[]): LanguageCode[] {
  return args.flatMap((arg) => {
    const matches = LANGUAGES.filter((l) => l.code === arg || baseLanguage(l.code) === arg).map(
      (l) => l.code,
    );
    if (matches.length === 0) {
      throw new Error(`Unknown language "${arg}". Known: ${LANGUAGES.map((l) => l.code).join(', ')}`);
    }
    return matches;
  });
}

function bar({ model, file, loaded, total, skipped }: PullProgress): void {
  const ratio = total > 0 ? loaded / total : 1;
  const filled = Math.round(ratio * 30);
  const status = skipped ? 'already here' : `${(loaded / 1e6).toFixed(1)}/${(total / 1e6).toFixed(1)} MB`;
  const line = `[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${model}/${file} ${status}`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K` : loaded === total ? `${line}\n` : '');
  if (process.stderr.isTTY && loaded === total) process.stderr.write('\n');
}

async function main(): Promise<void> {
  const env = readEnv();
  const languages = resolveLanguages(process.argv.slice(2));
  const specs = modelsForLanguages(env.profile, languages);
  const totalMB = specs.reduce((sum, s) => sum + s.sizeMB, 0);
  process.stderr.write(
    `Pulling ${specs.length} model(s), about ${Math.round(totalMB)} MB, from ${env.hubUrl} into ${env.modelsDir}\n`,
  );
  await pullModels(specs, { hubUrl: env.hubUrl, modelsDir: env.modelsDir, onProgress: bar });
  process.stderr.write('Done.\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
