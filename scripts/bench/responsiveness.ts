/**
 * Bench 11: how the workspace holds up with a 100,000-character article, in headless Chromium against the
 * production build (fixture models). Measured in the page: each keystroke at 100k characters from its
 * `keydown` timestamp to the frame after it (input delay, handlers, render), Long Tasks during the first
 * seconds of a "Both" run, and how long Cancel takes from the click to "The run was cancelled." on screen
 * (pressed 2 s into another run of the same size), per engine (browser, server) and per number of target languages (1, 6). Targets (issue 15): keystrokes
 * under 16 ms, no long task over 200 ms, Cancel within 300 ms.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { LIMITS } from '@/lib/limits';
import type { LanguageCode } from '@/lib/langs';
import { OPTIONS_KEY } from '@/components/workspace/workspace-options';
import type { BenchRow, BenchSection } from './report';
import { seedArticle } from './seed';
import { withServer } from './server';
import { percentile, round } from './stats';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';

const KEYSTROKES = 20;
const RUN_MS = 15_000;
// Cancel is pressed this long into a run of its own: a run watched for RUN_MS may have ended by then.
const CANCEL_AFTER_MS = 2_000;
const ENGINES = ['browser', 'server'] as const;
const TARGETS: Record<number, LanguageCode[]> = { 1: ['ru'], 6: ['ru', 'zh-Hans', 'hi', 'de', 'fr', 'es'] };

/** Numbered copies of the seed (no sentence repeats), cut to the article limit; `tag` keeps each run's
 * article its own, so no run is answered from the result cache. */
function longArticle(seed: string, tag: string): string {
  const copies: string[] = [];
  for (let copy = 1; copies.join('\n\n').length < LIMITS.articleChars; copy++) {
    copies.push(
      seed
        .split('\n\n')
        .map((paragraph) => `(${tag} ${copy}) ${paragraph}`)
        .join('\n\n'),
    );
  }
  return copies.join('\n\n').slice(0, LIMITS.articleChars - KEYSTROKES);
}

declare global {
  interface Window {
    benchKeys: number[];
    benchLongTasks: number[];
  }
}

/** A fresh page with the article filled in and the observers started. */
async function openWorkspace(
  browser: Browser,
  origin: string,
  engine: (typeof ENGINES)[number],
  targets: LanguageCode[],
  text: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(
    ([key, value]) => window.localStorage.setItem(key!, value!),
    [OPTIONS_KEY, JSON.stringify({ engine, targets, translate: 'both' })],
  );
  const page = await context.newPage();
  await page.goto(`${origin}/en`);
  const article = page.getByRole('textbox', { name: 'Article text' });
  await article.fill(text);
  await page.waitForTimeout(1_000);
  await page.evaluate(() => {
    window.benchKeys = [];
    window.benchLongTasks = [];
    // From the key event to the frame after its render: what Event Timing calls the interaction's duration,
    // but for every keystroke (Event Timing does not report those under 16 ms).
    document.addEventListener(
      'keydown',
      (event) => {
        const started = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.benchKeys.push(performance.now() - started)));
      },
      { capture: true },
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await article.press('End');
  return page;
}

/** Click to "cancelled" on screen, in ms; -1 when the run had already ended (no Cancel button). */
function cancelLatency(page: Page): Promise<number> {
  // A string, not a function: the bench's TypeScript transform would name an inner arrow with a helper
  // the page does not have.
  return page.evaluate<number>(`new Promise((resolve) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
    if (!button) return resolve(-1);
    const started = performance.now();
    const observer = new MutationObserver(() => check());
    function check() {
      if (!document.body.innerText.includes('The run was cancelled.')) return;
      observer.disconnect();
      resolve(performance.now() - started);
    }
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    button.click();
    check();
  })`);
}

const max = (values: number[]) => (values.length ? Math.max(...values) : 0);

export async function benchResponsiveness(): Promise<BenchSection> {
  const seed = await seedArticle();
  return withServer(async ({ origin }) => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const rows: BenchRow[] = [];
    const details: Record<string, unknown> = {};
    try {
      for (const engine of ENGINES) {
        for (const count of [1, 6]) {
          const scenario = `${engine}, ${count} language${count > 1 ? 's' : ''}`;
          const text = longArticle(seed, `${engine}${count}`);
          const page = await openWorkspace(browser, origin, engine, TARGETS[count]!, text);
          if (engine === 'server' && count === 1) {
            for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.press('x');
            await page.waitForTimeout(500);
            const keys = await page.evaluate(() => window.benchKeys.splice(0));
            const typingLongTasks = await page.evaluate(() => window.benchLongTasks.splice(0));
            rows.push(
              {
                metric: `keystroke at ${text.length.toLocaleString('en')} characters: p50 / p95 / max`,
                value: round(percentile(keys, 50), 0),
                unit: 'ms (p50)',
                note: `p95 ${round(percentile(keys, 95), 0)} ms, max ${round(max(keys), 0)} ms, ${keys.length} keys`,
              },
              {
                metric: 'long tasks while typing: longest',
                value: round(max(typingLongTasks), 0),
                unit: 'ms',
              },
            );
            details.keys = keys;
            details.typingLongTasks = typingLongTasks;
          }
          await page.getByRole('button', { name: 'Run', exact: true }).click();
          await page.waitForTimeout(RUN_MS);
          const runLongTasks = await page.evaluate(() => window.benchLongTasks.splice(0));
          await page.context().close();

          const cancelPage = await openWorkspace(
            browser,
            origin,
            engine,
            TARGETS[count]!,
            longArticle(seed, `${engine}${count}c`),
          );
          await cancelPage.getByRole('button', { name: 'Run', exact: true }).click();
          await cancelPage.waitForTimeout(CANCEL_AFTER_MS);
          const cancelMs = await cancelLatency(cancelPage);
          await cancelPage.context().close();
          rows.push(
            {
              metric: `${scenario}: longest task in the first ${RUN_MS / 1000} s of a 100k "Both" run`,
              value: round(max(runLongTasks), 0),
              unit: 'ms',
              note: `${runLongTasks.length} long tasks, ${runLongTasks.filter((d) => d > 200).length} over 200 ms`,
            },
            {
              metric: `${scenario}: Cancel ${CANCEL_AFTER_MS / 1000} s into a run, click to "cancelled" on screen`,
              value: round(cancelMs, 0),
              unit: 'ms',
              ...(cancelMs < 0 && { note: 'the run had ended before Cancel' }),
            },
          );
          details[scenario] = { runLongTasks, cancelMs };
        }
      }
      return { name: 'responsiveness', rows, details };
    } finally {
      await browser.close();
    }
  });
}
