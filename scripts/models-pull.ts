/**
 * `npm run models:pull -- ru zh hi [--device webgpu]`: fetch the registry's models for translating between
 * English and these languages, plus the summariser, into BITEXT_MODELS_DIR (from BITEXT_HUB_URL). The CPU's
 * q8 files always; `--device webgpu` adds the files browsers with WebGPU load (fp16, or fp32).
 */
import { modelsForLanguages } from '@/lib/models/registry';
import { readEnv } from '@/lib/server/env';
import { parseModelArgs } from './models/args';
import { dtypesFor, pullModels, type PullProgress } from './models/pull';

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
  const args = parseModelArgs(process.argv.slice(2));
  const specs = modelsForLanguages(env.profile, args.languages, env);
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
