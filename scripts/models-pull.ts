/**
 * `npm run models:pull -- ru zh hi [--device webgpu]`: fetch the registry's models for translating between
 * English and these languages, plus the summariser, into BITEXT_MODELS_DIR (from BITEXT_HUB_URL). The CPU's
 * q8 files always; `--device webgpu` adds the files browsers with WebGPU load (fp16, or fp32).
 */
import { LANGUAGES, baseLanguage, type LanguageCode } from '@/lib/langs';
import { modelsForLanguages, type Device } from '@/lib/models/registry';
import { readEnv } from '@/lib/server/env';
import { dtypesFor, pullModels, type PullProgress } from './models/pull';

const DEVICES: readonly Device[] = ['cpu', 'wasm', 'webgpu'];

/** `--device webgpu` (repeatable) out of the arguments; the rest are languages. */
function parseArgs(args: string[]): { languages: string[]; devices: Device[] } {
  const languages: string[] = [];
  const devices: Device[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--device') {
      languages.push(args[i]!);
      continue;
    }
    const device = DEVICES.find((d) => d === args[i + 1]);
    if (!device) throw new Error(`--device takes one of ${DEVICES.join(', ')}; got "${args[i + 1] ?? ''}"`);
    devices.push(device);
    i++;
  }
  return { languages, devices };
}

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
  const args = parseArgs(process.argv.slice(2));
  const languages = resolveLanguages(args.languages);
  const specs = modelsForLanguages(env.profile, languages);
  const totalMB = specs.reduce(
    (sum, spec) =>
      sum + dtypesFor(spec, args.devices).reduce((mb, dtype) => mb + (spec.sizeMB[dtype] ?? 0), 0),
    0,
  );
  process.stderr.write(
    `Pulling ${specs.length} model(s), about ${Math.round(totalMB)} MB, from ${env.hubUrl} into ${env.modelsDir}\n`,
  );
  await pullModels(specs, {
    hubUrl: env.hubUrl,
    modelsDir: env.modelsDir,
    devices: args.devices,
    onProgress: bar,
  });
  process.stderr.write('Done.\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
