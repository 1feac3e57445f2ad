/**
 * Long articles: a full digest (detect, extractive summary, summary and article into ru) of 10, 100 and
 * 1,000 sentences on the fixture models, in this process. Reports ms per sentence, the least-squares slope,
 * how much 10× the sentences costs (10× is linear) and how the heap grows.
 */
import type { PipelineContext } from '@/lib/pipeline/context';
import { digest } from '@/lib/pipeline/digest';
import { defaultFixturesRoot, generateFixtures } from '@/scripts/fixtures/generate-fixtures';
import { withLocalModels } from './model-calls';
import type { BenchSection } from './report';
import { round } from './stats';

const SIZES = [10, 100, 1_000];
const CONTEXT: PipelineContext = { profile: 'fixtures', device: 'cpu' };

/** n distinct news-like sentences in paragraphs of five. */
function article(n: number): string {
  const sentences = Array.from(
    { length: n },
    (_, i) => `Officials in city ${i} said on Monday that talks on item ${i} would resume next week.`,
  );
  const paragraphs: string[] = [];
  for (let i = 0; i < n; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
  return paragraphs.join('\n\n');
}

async function timeDigest(n: number) {
  const text = article(n);
  const started = performance.now();
  const result = await digest(
    {
      text,
      source: 'en',
      targets: ['ru'],
      summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
      translate: 'both',
    },
    CONTEXT,
  );
  const ms = performance.now() - started;
  const kept = result.translations.ru?.segments?.length ?? 0;
  if (kept !== n) throw new Error(`${n} sentences went in, ${kept} came back`);
  return { n, ms, heapMB: process.memoryUsage().heapUsed / 1e6 };
}

export async function benchScaling(): Promise<BenchSection> {
  const root = defaultFixturesRoot();
  await generateFixtures(root);
  return withLocalModels(root, async () => {
    await timeDigest(10); // loads the models and warms code paths
    const runs = [];
    for (const n of SIZES) runs.push(await timeDigest(n));
    const meanN = runs.reduce((sum, r) => sum + r.n, 0) / runs.length;
    const meanMs = runs.reduce((sum, r) => sum + r.ms, 0) / runs.length;
    const slope =
      runs.reduce((sum, r) => sum + (r.n - meanN) * (r.ms - meanMs), 0) /
      runs.reduce((sum, r) => sum + (r.n - meanN) ** 2, 0);
    const [, hundred, thousand] = runs;
    return {
      name: 'scaling',
      rows: [
        ...runs.map((r) => ({
          metric: `digest of ${r.n} sentences`,
          value: r.ms,
          unit: 'ms',
          note: `${(r.ms / r.n).toFixed(2)} ms per sentence; heap ${r.heapMB.toFixed(0)} MB after`,
        })),
        { metric: 'slope (least squares)', value: slope, unit: 'ms/sentence' },
        {
          metric: '1,000 ÷ 100 sentences',
          value: thousand!.ms / hundred!.ms,
          unit: '×',
          note: '10× = linear',
        },
      ],
      details: {
        runs: runs.map((r) => ({ n: r.n, ms: round(r.ms), heapMB: round(r.heapMB) })),
        slope: round(slope),
      },
    };
  });
}
