/**
 * Bench 2: the same translation in headless Chromium, through the app's pipeline worker (onnxruntime-web,
 * WebAssembly), and on the server (the app's digest jobs, onnxruntime-node), on the synthetic opus-mt-size
 * model. Both run the same digest request — the seed article, source given, into Russian, article only —
 * through the same lib/pipeline code from the same build. The browser runs twice, interleaved: in the
 * workspace as served (cross-origin isolated, with threads) and in the same page served without COOP/COEP
 * (one thread), so the gain from isolation is measured under the same load.
 *
 * No registry change is needed: the server is started with a fixtures folder in which the fixture id the
 * fixtures profile uses for Russian (`bitext-fixtures/translit-ru`) holds the synthetic model's files (hard
 * links), so the worker downloads it from /models/ and the server engine loads it, like any local model.
 * The fixture spec's input budget (128 tokens) applies on both sides alike.
 *
 * Tokens are counted by encoding each side's output with the model's tokenizer: generate() runs inside the
 * browser and inside the server process, out of this process's reach.
 */
import { copyFile, link, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { AutoTokenizer, type PreTrainedTokenizer } from '@huggingface/transformers';
import { chromium, type Page } from '@playwright/test';
import { modelFiles, translationRoute } from '@/lib/models/registry';
import type { DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import { SUMMARY_LENGTHS } from '@/lib/summarize/options';
import type { WorkerRequest, WorkerResponse, WorkerSettings } from '@/lib/pipeline/protocol';
import { wasmThreads } from '@/lib/pipeline/threads';
import { withLocalModels } from './model-calls';
import type { BenchRow, BenchSection } from './report';
import { runDigest, seedArticle } from './seed';
import { withServer } from './server';
import { median, round } from './stats';
import type { SyntheticModels } from './synthetic';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';

const ROUNDS = 3;
const WARM_UP_TEXT = 'The minister spoke to reporters in Moscow on Monday.';
const RUN_TIMEOUT_MS = 240_000;

/** The fixture model the fixtures profile translates English into Russian with. */
function aliasedSpec() {
  const leg = translationRoute('fixtures', 'en', 'ru')?.[0];
  if (!leg) throw new Error('The fixtures profile has no en → ru model');
  return leg.model;
}

/** A fixtures folder whose en → ru model is the synthetic translator (hard links; copies across devices). */
async function aliasFolder(models: SyntheticModels): Promise<string> {
  const folder = await mkdtemp(path.join(path.dirname(models.root), 'bench-browser-'));
  const spec = aliasedSpec();
  for (const file of modelFiles(spec)) {
    const from = path.join(models.root, models.translatorId, file);
    const to = path.join(folder, spec.id, file);
    await mkdir(path.dirname(to), { recursive: true });
    await link(from, to).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      return copyFile(from, to);
    });
  }
  return folder;
}

async function benchRequest(): Promise<DigestRequest> {
  return {
    text: await seedArticle(),
    source: 'en',
    targets: ['ru'],
    summary: { mode: 'extractive', type: 'key-points', length: 'short' },
    translate: 'article',
  };
}

interface BenchWindow {
  benchWorkers: Worker[];
  benchFinished: string[];
}

/**
 * Before the page's own scripts: the workspace's stored choices (Browser engine, Russian only, a short
 * text) so that pressing Run starts the worker, and a Worker subclass that keeps each worker the page makes.
 */
function prepareWorkspace(options: { text: string }) {
  const w = window as unknown as BenchWindow & typeof window;
  w.localStorage.setItem('bitext.text', JSON.stringify(options.text));
  w.localStorage.setItem(
    'bitext.options',
    JSON.stringify({
      mode: 'extractive',
      type: 'key-points',
      length: 'short',
      translate: 'article',
      engine: 'browser',
      targets: ['ru'],
    }),
  );
  w.benchWorkers = [];
  w.benchFinished = [];
  const PageWorker = w.Worker;
  w.Worker = class extends PageWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      w.benchWorkers.push(this);
      this.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
        if (event.data.type === 'done' || event.data.type === 'error') w.benchFinished.push(event.data.type);
      });
    }
  };
}

/** Posts one run to the page's worker (the page ignores ids it did not make) and times it to its answer. */
function timeWorkerRun(message: Extract<WorkerRequest, { type: 'run' }>) {
  const w = window as unknown as BenchWindow;
  const worker = w.benchWorkers[0];
  if (!worker) throw new Error('The page has made no worker');
  return new Promise<{ ms: number; response: WorkerResponse }>((resolve) => {
    const started = performance.now();
    // No named inner functions here: tsx would wrap them in a helper that does not exist in the page.
    const listening = new AbortController();
    worker.addEventListener(
      'message',
      (event: MessageEvent<WorkerResponse>) => {
        const response = event.data;
        if (response.id !== message.id || (response.type !== 'done' && response.type !== 'error')) return;
        listening.abort();
        resolve({ ms: performance.now() - started, response });
      },
      { signal: listening.signal },
    );
    worker.postMessage(message);
  });
}

interface BrowserEngine {
  /** The workspace's own first run: worker start, model download from /models/, one short translation. */
  warmUpMs: number;
  environment: Record<string, unknown>;
  run(request: DigestRequest): Promise<{ ms: number; result: DigestResult }>;
  close(): Promise<void>;
}

/**
 * The workspace as it would be without cross-origin isolation, from the same build: its document's answer
 * without COOP/COEP, so neither the page nor its worker is isolated and the runtime gets one thread.
 */
async function withoutIsolation(page: Page, origin: string): Promise<void> {
  await page.route(`${origin}/en`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
}

/**
 * Headless Chromium on the workspace, its pipeline worker started and warmed up by a real Run; `isolated`
 * false serves it as before the pages were cross-origin isolated, for a same-build comparison.
 */
async function openBrowserEngine(origin: string, isolated: boolean): Promise<BrowserEngine> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page: Page = await browser.newPage();
    page.setDefaultTimeout(RUN_TIMEOUT_MS);
    if (!isolated) await withoutIsolation(page, origin);
    await page.addInitScript(prepareWorkspace, { text: WARM_UP_TEXT });
    await page.goto(`${origin}/en`);
    const started = performance.now();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => (window as unknown as BenchWindow).benchFinished.length > 0);
    const warmUpMs = performance.now() - started;
    const outcome = await page.evaluate(() => (window as unknown as BenchWindow).benchFinished[0]);
    if (outcome !== 'done') throw new Error(`The workspace's warm-up run in the browser ended ${outcome}`);

    const environment: Record<string, unknown> = await page.evaluate(async () => {
      // The worker's own device choice: WebGPU only with a real (not a software fallback) adapter.
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      const adapter = (await gpu?.requestAdapter().catch(() => null)) as
        { info?: { isFallbackAdapter?: boolean } } | null | undefined;
      return {
        userAgent: navigator.userAgent,
        hardwareConcurrency: navigator.hardwareConcurrency,
        // Without cross-origin isolation onnxruntime-web has no threads: one core.
        crossOriginIsolated: self.crossOriginIsolated,
        device: adapter && !adapter.info?.isFallbackAdapter ? 'webgpu' : 'wasm',
      };
    });
    // The worker's own scope decides its threads (lib/pipeline/threads.ts): read there, by the same rule.
    const pipelineWorker = page.workers()[0];
    if (!pipelineWorker) throw new Error('The page has made no worker');
    const scope = await pipelineWorker.evaluate(() => ({
      crossOriginIsolated: self.crossOriginIsolated,
      cores: navigator.hardwareConcurrency,
    }));
    Object.assign(environment, {
      workerCrossOriginIsolated: scope.crossOriginIsolated,
      numThreads: wasmThreads(scope.crossOriginIsolated, scope.cores),
      // The pipeline worker and, with threads, the runtime's own workers, as far as Playwright sees them.
      workersSeen: page.workers().length,
    });
    const settings: WorkerSettings = {
      profile: 'fixtures',
      localModels: true,
      allowRemoteModels: false,
      allowNonCommercial: true,
      device: 'auto',
    };
    let runs = 0;
    return {
      warmUpMs,
      environment,
      run: async (request) => {
        const message: WorkerRequest = { type: 'run', id: `bench-${++runs}`, request, settings };
        const { ms, response } = await page.evaluate(timeWorkerRun, message);
        if (response.type !== 'done') throw new Error(`The browser run failed: ${JSON.stringify(response)}`);
        return { ms, result: response.result };
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function runOnServer(origin: string, request: DigestRequest) {
  const started = performance.now();
  const { job } = await runDigest(origin, request);
  return { ms: performance.now() - started, result: job.result! };
}

function translations(result: DigestResult): string[] {
  return result.translations.ru?.segments?.map((s) => s.target) ?? [];
}

interface Round {
  server: { ms: number; tokens: number };
  browser: { ms: number; tokens: number };
  ratio: number;
  /** The same run in a page that is not cross-origin isolated: one thread, as before it was. */
  oneThread: { ms: number; tokens: number };
  oneThreadRatio: number;
  identical: number;
  sentences: number;
}

export async function benchBrowser(models: SyntheticModels): Promise<BenchSection> {
  const folder = await aliasFolder(models);
  try {
    const request = await benchRequest();
    const tokenizer: PreTrainedTokenizer = await withLocalModels(models.root, () =>
      AutoTokenizer.from_pretrained(models.translatorId),
    );
    const tokens = (texts: string[]) =>
      texts.reduce((sum, text) => sum + tokenizer.encode(text, { add_special_tokens: false }).length, 0);

    const { rounds, warmUpMs, environment, oneThreadEnvironment } = await withServer(
      async ({ origin }) => {
        // Loads the model on the server and runs it once.
        await runOnServer(origin, { ...request, text: WARM_UP_TEXT });
        const engine = await openBrowserEngine(origin, true);
        const oneThread = await openBrowserEngine(origin, false).catch(async (error: unknown) => {
          await engine.close();
          throw error;
        });
        try {
          const rounds: Round[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            // The server would answer a repeated request from its cache: each round asks for another
            // summary length, which changes the cache key but not the translation work.
            const roundRequest: DigestRequest = {
              ...request,
              summary: { ...request.summary, length: SUMMARY_LENGTHS[round % SUMMARY_LENGTHS.length]! },
            };
            // Alternating which goes first, so load from other processes falls on all alike.
            const server = round % 2 === 0 ? await runOnServer(origin, roundRequest) : undefined;
            const single = round % 2 === 1 ? await oneThread.run(roundRequest) : undefined;
            const browser = await engine.run(roundRequest);
            const singleRun = single ?? (await oneThread.run(roundRequest));
            const serverRun = server ?? (await runOnServer(origin, roundRequest));
            const serverOut = translations(serverRun.result);
            const browserOut = translations(browser.result);
            const s = { ms: serverRun.ms, tokens: tokens(serverOut) };
            const b = { ms: browser.ms, tokens: tokens(browserOut) };
            const one = { ms: singleRun.ms, tokens: tokens(translations(singleRun.result)) };
            rounds.push({
              server: s,
              browser: b,
              ratio: b.tokens / b.ms / (s.tokens / s.ms),
              oneThread: one,
              oneThreadRatio: one.tokens / one.ms / (s.tokens / s.ms),
              identical: browserOut.filter((text, i) => text === serverOut[i]).length,
              sentences: serverOut.length,
            });
          }
          return {
            rounds,
            warmUpMs: engine.warmUpMs,
            environment: engine.environment,
            oneThreadEnvironment: oneThread.environment,
          };
        } finally {
          await Promise.all([engine.close(), oneThread.close()]);
        }
      },
      { BITEXT_FIXTURES_DIR: folder },
    );

    const rate = (run: { ms: number; tokens: number }) => run.tokens / (run.ms / 1000);
    const ratio = median(rounds.map((r) => r.ratio));
    const last = rounds.at(-1)!;
    const rows: BenchRow[] = [
      {
        metric: 'server (onnxruntime-node, default threads)',
        value: median(rounds.map((r) => rate(r.server))),
        unit: 'tok/s',
        note: `${last.server.tokens} tokens, ${last.sentences} sentences`,
      },
      {
        metric: `browser (worker, onnxruntime-web, ${environment.device})`,
        value: median(rounds.map((r) => rate(r.browser))),
        unit: 'tok/s',
        note: environment.workerCrossOriginIsolated
          ? `${String(environment.numThreads)} threads (cross-origin isolated)`
          : 'one thread (the page is not cross-origin isolated)',
      },
      {
        metric: 'browser ÷ server',
        value: ratio,
        unit: '×',
        note: `${ROUNDS} rounds: ${rounds.map((r) => r.ratio.toFixed(2)).join(', ')}`,
      },
      {
        metric: 'browser, one thread (page not isolated)',
        value: median(rounds.map((r) => rate(r.oneThread))),
        unit: 'tok/s',
        note: `the same build served without COOP/COEP (${String(oneThreadEnvironment.numThreads)} thread)`,
      },
      {
        metric: 'browser ÷ server, one thread',
        value: median(rounds.map((r) => r.oneThreadRatio)),
        unit: '×',
        note: `${ROUNDS} rounds: ${rounds.map((r) => r.oneThreadRatio.toFixed(2)).join(', ')}`,
      },
      {
        metric: 'identical translations',
        value: last.identical,
        unit: `of ${last.sentences}`,
        note: 'same weights and input; WASM and native kernels round differently',
      },
      { metric: 'browser warm-up (model download + first run)', value: warmUpMs / 1000, unit: 's' },
    ];
    return {
      name: 'browser',
      rows,
      details: {
        model: models.translatorId,
        servedAs: aliasedSpec().id,
        environment,
        oneThreadEnvironment,
        warmUpMs: round(warmUpMs),
        rounds: rounds.map((r) => ({
          ...r,
          server: { ms: round(r.server.ms), tokens: r.server.tokens },
          browser: { ms: round(r.browser.ms), tokens: r.browser.tokens },
          ratio: round(r.ratio, 3),
          oneThread: { ms: round(r.oneThread.ms), tokens: r.oneThread.tokens },
          oneThreadRatio: round(r.oneThreadRatio, 3),
        })),
      },
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
