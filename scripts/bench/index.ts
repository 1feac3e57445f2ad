/**
 * `npm run bench [-- <section>…] [--rounds N] [--sweep]`: performance measured as ratios within one run
 * (the machines are shared and noisy), printed as a table and written to bench/results/<timestamp>.json.
 * Sections: translate (bench 1, server throughput, sequential vs batched; `--sweep` adds batch sizes,
 * thread counts and fp32, several minutes more), memory (bench 5, server RSS). Synthetic opus-mt-size
 * models are generated on first use under <BITEXT_DATA_DIR>/synthetic.
 * Against the production build (`npm run build` first; each starts its own `next start` on a free loopback
 * port): browser (bench 2, worker vs server), cache (4), page-weight (6), lighthouse (7), http-load (8),
 * pages (issue 16: every page's throughput against the floor, latency at a fixed load, weight, Lighthouse).
 * responsiveness (keystrokes, long tasks and Cancel with a 100,000-character article).
 * scale (issue 11: digests/minute with 1 and 2 workers, share GETs through 1 and 2 web processes, web RSS;
 * starts Postgres, Redis, web processes and `npm run worker` processes itself).
 * In this process, on the fixture models: overhead (3), scaling (long articles: 10, 100, 1,000 sentences).
 * Without models: detect (language detection's accuracy per library and language, on tests/detect), summary
 * (summary/article ratio per length, on the seed and on long articles).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { benchBrowser } from './browser';
import { benchCache } from './cache';
import { benchDetect } from './detect';
import { benchHttpLoad } from './http-load';
import { benchLighthouse } from './lighthouse';
import { benchMemory } from './memory';
import { benchOverhead } from './overhead';
import { benchScaling } from './scaling';
import { benchPageWeight } from './page-weight';
import { benchPages } from './pages';
import { benchResponsiveness } from './responsiveness';
import { benchScale } from './scale';
import { benchSummary } from './summary';
import { formatTable, machine, saveRun, type BenchRun, type BenchSection } from './report';
import { prepareSyntheticModels, type SyntheticModels } from './synthetic';
import { benchTranslate, HEADLINE, SWEEP } from './translate';

interface Options {
  sections: SectionName[];
  rounds: number;
  sweep: boolean;
}

type SectionName =
  | 'translate'
  | 'memory'
  | 'browser'
  | 'overhead'
  | 'scaling'
  | 'cache'
  | 'page-weight'
  | 'lighthouse'
  | 'http-load'
  | 'pages'
  | 'detect'
  | 'summary'
  | 'responsiveness'
  | 'scale';

const SECTIONS: Record<SectionName, (models: SyntheticModels, options: Options) => Promise<BenchSection>> = {
  translate: (models, options) =>
    benchTranslate(models, [{ ...HEADLINE, rounds: options.rounds }, ...(options.sweep ? SWEEP : [])]),
  memory: (models) => benchMemory(models),
  browser: (models) => benchBrowser(models),
  overhead: () => benchOverhead(),
  scaling: () => benchScaling(),
  cache: () => benchCache(),
  'page-weight': () => benchPageWeight(),
  lighthouse: () => benchLighthouse(),
  'http-load': () => benchHttpLoad(),
  pages: () => benchPages(),
  detect: () => benchDetect(),
  summary: () => benchSummary(),
  responsiveness: () => benchResponsiveness(),
  scale: () => benchScale(),
};

const optionsSchema = z.object({
  sections: z.array(
    z.enum([
      'translate',
      'memory',
      'browser',
      'overhead',
      'scaling',
      'cache',
      'page-weight',
      'lighthouse',
      'http-load',
      'pages',
      'detect',
      'summary',
      'responsiveness',
      'scale',
    ]),
  ),
  rounds: z.coerce.number().int().min(1).max(10),
  sweep: z.boolean(),
}) satisfies z.ZodType<Options>;

function parseOptions(): Options {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rounds: { type: 'string', default: String(HEADLINE.rounds) },
      sweep: { type: 'boolean', default: false },
    },
  });
  const parsed = optionsSchema.safeParse({
    sections: positionals.length ? positionals : Object.keys(SECTIONS),
    rounds: values.rounds,
    sweep: values.sweep,
  });
  if (!parsed.success)
    throw new Error(
      `Usage: npm run bench -- [${Object.keys(SECTIONS).join('] [')}] [--rounds N] [--sweep]\n${z.prettifyError(parsed.error)}`,
    );
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
    // One failing section (say, Chromium missing for lighthouse) must not cost the numbers of the others.
    const section = await SECTIONS[name](models, options).catch((error: unknown): BenchSection => {
      log(
        `bench: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exitCode = 1;
      return { name, rows: [], details: null, error: error instanceof Error ? error.message : String(error) };
    });
    const after = os.loadavg();
    // Other processes on these cores are the main source of noise: show how busy they were.
    section.rows.push({
      metric: 'load average (1 min) at the end',
      value: after[0]!,
      unit: '',
      note: `${before[0]!.toFixed(1)} at the start; ${run.machine.cpus} cores`,
    });
    run.sections.push(section);
    run.load[name] = { before, after };
    log(`bench: ${name} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(formatTable(run.sections));
  console.log(`\n${await saveRun(run)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
