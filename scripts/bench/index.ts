/**
 * `npm run bench [-- <section>…] [--rounds N] [--sweep]`: performance measured as ratios within one run
 * (the machines are shared and noisy), printed as a table and written to bench/results/<timestamp>.json.
 * Sections: translate (bench 1, server throughput, sequential vs batched), memory (bench 5, server RSS).
 * Synthetic opus-mt-size models are generated on first use under <BITEXT_DATA_DIR>/synthetic.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { benchMemory } from './memory';
import { formatTable, machine, saveRun, type BenchRun, type BenchSection } from './report';
import { prepareSyntheticModels, type SyntheticModels } from './synthetic';
import { benchTranslate } from './translate';

const SECTIONS = {
  translate: (models: SyntheticModels, options: Options) =>
    benchTranslate(models, {
      dtypes: ['q8', 'fp32'],
      rounds: options.rounds,
      sweep: options.sweep ? { batchSizes: [4, 8, 16, 32], threads: [undefined, 1, 2] } : undefined,
    }),
  memory: (models: SyntheticModels) => benchMemory(models),
} satisfies Record<string, (models: SyntheticModels, options: Options) => Promise<BenchSection>>;

type SectionName = keyof typeof SECTIONS;

const optionsSchema = z.object({
  sections: z.array(z.enum(Object.keys(SECTIONS) as [SectionName, ...SectionName[]])),
  rounds: z.coerce.number().int().min(1).max(10),
  sweep: z.boolean(),
});
type Options = z.infer<typeof optionsSchema>;

function parseOptions(): Options {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: 'string', default: '2' }, sweep: { type: 'boolean', default: false } },
  });
  const parsed = optionsSchema.safeParse({
    sections: positionals.length ? positionals : Object.keys(SECTIONS),
    rounds: values.rounds,
    sweep: values.sweep,
  });
  if (!parsed.success) throw new Error(`Usage: npm run bench -- [translate] [memory] [--rounds N] [--sweep]\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const log = (line: string) => console.error(line);
  const run: BenchRun = { startedAt: new Date().toISOString(), machine: machine(), load: {}, sections: [] };
  const models = await prepareSyntheticModels(log);
  for (const name of options.sections) {
    log(`bench: ${name}…`);
    const before = os.loadavg();
    const started = performance.now();
    run.sections.push(await SECTIONS[name](models, options));
    run.load[name] = { before, after: os.loadavg() };
    log(`bench: ${name} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(formatTable(run.sections));
  console.log(`\n${await saveRun(run)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
