/**
 * Bench 5: server memory. A fresh Node process loads, through lib/pipeline/load and with the registry's
 * dtype (q8), the summariser-size synthetic model and the translator-size one under three ids (three
 * sessions, as a digest into three languages holds), then uses each once, and reports its RSS at each step.
 */
import { fork } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow, BenchSection } from './report';
import { aliasModel, type SyntheticModels } from './synthetic';
import type { ProbeRequest, ProbeResult } from './memory-probe';

const PROBE = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));
const Q8_FILES = ['onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'];

/** Runs the probe in a child process (it inherits tsx's loader from execArgv) and returns its report. */
function probe(request: ProbeRequest): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(PROBE, [JSON.stringify(request)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let result: ProbeResult | undefined;
    child.on('message', (message) => (result = message as ProbeResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`memory probe exited with ${code} before reporting`)),
    );
  });
}

async function weightsMB(root: string, id: string): Promise<number> {
  const sizes = await Promise.all(Q8_FILES.map((file) => stat(path.join(root, id, file))));
  return sizes.reduce((sum, s) => sum + s.size, 0) / 2 ** 20;
}

export async function benchMemory(models: SyntheticModels): Promise<BenchSection> {
  const translatorIds = [models.translatorId, ...(await aliasModel(models.root, models.translatorId, 2))];
  const result = await probe({ root: models.root, summarizerId: models.summarizerId, translatorIds });
  const weights = {
    summarizerMB: await weightsMB(models.root, models.summarizerId),
    translatorMB: await weightsMB(models.root, models.translatorId),
  };
  const at = (label: string) => result.steps.find((s) => s.label === label)?.rssMB ?? NaN;
  const baseline = at('runtime');
  const loaded = at(`loaded ${translatorIds.at(-1)}`);
  const used = result.steps.at(-1)?.rssMB ?? NaN;
  const rows: BenchRow[] = [
    { metric: 'RSS with the runtime only', value: baseline, unit: 'MB' },
    { metric: 'RSS after loading summariser + 3 translators (q8)', value: loaded, unit: 'MB' },
    { metric: 'RSS after one use of each', value: used, unit: 'MB' },
    {
      metric: 'q8 weights on disk (summariser + 3 translators)',
      value: weights.summarizerMB + 3 * weights.translatorMB,
      unit: 'MB',
    },
  ];
  return { name: 'memory', rows, details: { ...result, weights } };
}
