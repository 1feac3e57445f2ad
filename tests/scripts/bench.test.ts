import { describe, expect, it } from 'vitest';

import { translationRoute } from '@/lib/models/registry';
import { loadModel } from '@/lib/pipeline/load';
import { translateSentences } from '@/lib/pipeline/translate';
import { resetTimes, sumTimes, timeModelCalls } from '@/scripts/bench/model-calls';
import { scriptUrls, workerChunkUrls } from '@/scripts/bench/page-weight';
import { median, percentile } from '@/scripts/bench/stats';
import { configureFixtureModels } from '../support/fixture-models';

describe('bench statistics', () => {
  it('takes the nearest-rank percentile: a value that was measured', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('page weight: what a first visit downloads', () => {
  // The shape of the HTML `next start` serves for /en (Next 16, Turbopack).
  const html = `<!DOCTYPE html><html><head>
    <link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>
    <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/runtime.js"/>
    <link rel="preload" as="font" href="/_next/static/media/font.woff2"/>
    <script src="/_next/static/chunks/react-dom.js" async="" nonce="abc"></script>
    <script src="/_next/static/chunks/page.js?v=1&amp;x=2" async=""></script>
    <script src="/_next/static/chunks/polyfills.js" noModule=""></script>
    <script nonce="abc">self.__next_f.push([1,"inline"])</script>
    <script src="/_next/static/chunks/runtime.js" async=""></script>
  </head></html>`;

  it('collects every script and script preload once, without nomodule polyfills, styles or fonts', () => {
    expect(scriptUrls(html, 'http://127.0.0.1:3000')).toEqual([
      'http://127.0.0.1:3000/_next/static/chunks/react-dom.js',
      'http://127.0.0.1:3000/_next/static/chunks/page.js?v=1&x=2',
      'http://127.0.0.1:3000/_next/static/chunks/runtime.js',
    ]);
  });

  it("finds the pipeline worker's chunks where the page's code starts the worker", () => {
    const code =
      'e.v(e.r(10914).f("static/chunks/turbopack-worker-1hrs.js",["static/chunks/3fcc.js","static/chunks/2qoz.js"]))';
    expect(workerChunkUrls(code, 'http://127.0.0.1:3000')).toEqual([
      'http://127.0.0.1:3000/_next/static/chunks/3fcc.js',
      'http://127.0.0.1:3000/_next/static/chunks/2qoz.js',
    ]);
    expect(workerChunkUrls('no worker here', 'http://127.0.0.1:3000')).toEqual([]);
  });
});

describe('timing model calls from outside lib', () => {
  const context = configureFixtureModels();
  const route = translationRoute('fixtures', 'en', 'ru')!;
  const sentences = ['Lavrov spoke to reporters in Moscow.', 'Talks on Syria continue, he said.'];

  it('times pipeline calls, generate and token counting without changing a translation', async () => {
    const plain = await translateSentences(sentences, route, context);
    const times = timeModelCalls(await loadModel(route[0]!.model, context));
    resetTimes(times);

    const timed = await translateSentences(sentences, route, context);

    expect(timed).toEqual(plain);
    const total = sumTimes([times]);
    expect(total.calls).toBe(1);
    expect(total.generateMs).toBeGreaterThan(0);
    expect(total.callMs).toBeGreaterThanOrEqual(total.generateMs);
    // Each sentence is counted to fit the budget and again to sort by length.
    expect(total.countingCalls).toBeGreaterThanOrEqual(sentences.length);
    expect(total.countingDistinct).toBe(sentences.length);
  });

  it('instruments a pipeline once however often it is asked', async () => {
    const translator = await loadModel(route[0]!.model, context);
    expect(timeModelCalls(translator)).toBe(timeModelCalls(translator));
  });
});
