/**
 * Child process of the memory bench (memory.ts): starts from nothing, loads the models one by one and
 * reports its resident set size after each step over IPC.
 */
import { loadModel } from '@/lib/pipeline/load';
import { translateSentences } from '@/lib/pipeline/translate';
import { syntheticSpec, configureSyntheticModels } from './synthetic';

export interface ProbeRequest {
  root: string;
  summarizerId: string;
  translatorIds: string[];
}

export interface ProbeResult {
  steps: { label: string; rssMB: number }[];
}

const SENTENCE = 'Lavrov said that Russia is not conducting any secret negotiations about Syria.';

async function main(request: ProbeRequest): Promise<ProbeResult> {
  configureSyntheticModels(request.root);
  const steps: ProbeResult['steps'] = [];
  const record = (label: string) => steps.push({ label, rssMB: process.memoryUsage().rss / 2 ** 20 });
  record('runtime');

  const summarizerSpec = syntheticSpec(request.summarizerId, 'summarization', 'q8');
  const summarizer = await loadModel(summarizerSpec, { device: 'cpu' });
  record(`loaded ${request.summarizerId}`);
  const translatorSpecs = request.translatorIds.map((id) => syntheticSpec(id, 'translation', 'q8'));
  for (const spec of translatorSpecs) {
    await loadModel(spec, { device: 'cpu' });
    record(`loaded ${spec.id}`);
  }

  // One call each: onnxruntime sizes its working memory on first use.
  await (summarizer as unknown as (texts: string[], options: object) => Promise<unknown>)([SENTENCE], {
    max_new_tokens: 64,
    num_beams: 1,
  });
  record(`used ${request.summarizerId}`);
  for (const model of translatorSpecs) {
    await translateSentences([SENTENCE], [{ model, source: 'en', target: 'ru' }], { device: 'cpu' });
    record(`used ${model.id}`);
  }
  return { steps };
}

main(JSON.parse(process.argv[2] ?? '{}') as ProbeRequest).then(
  // Disconnecting closes the IPC channel, the only thing keeping this process alive once the report is out.
  (result) => process.send?.(result, () => process.disconnect()),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
