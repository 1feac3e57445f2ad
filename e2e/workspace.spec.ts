import { readFile } from 'node:fs/promises';

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { localeInfo, routing } from '../i18n/routing';
import { translationRoute } from '../lib/models/registry';
import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { longArticle, nameIn, SCRIPT_TEXT, SEED_ARTICLE } from './support/messages';

// Runs go through the fixture models on a two-core machine: give them room.
test.setTimeout(120_000);

const TARGETS = ['ru', 'zh-Hans', 'hi'] as const;

/** Requests to our API made while `action` runs. */
async function apiRequestsDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (request: { url(): string }) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) seen.push(request.url());
  };
  page.on('request', listener);
  await action();
  page.off('request', listener);
  return seen;
}

test('the sample, run on the server, reads in Russian, Chinese and Hindi', async ({ page, context }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');

  await workspace.loadSample();
  await expect(workspace.article).toHaveValue(SEED_ARTICLE);
  await expect(workspace.detectedLanguage).toContainText('English');
  // The byline and the "Check Also" list are set aside, and can be looked at.
  const removed = page.getByRole('button', { name: /lines removed — show/ });
  await removed.click();
  await expect(page.getByText('Check Also', { exact: true })).toBeVisible();

  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  // Key points, medium length: about a fifth of the article (at least two), each quoted from it.
  await expect(workspace.summary.getByRole('listitem')).toHaveCount(2);
  for (const code of TARGETS) {
    await workspace.tab(code).click();
    await expect(workspace.tab(code)).toHaveAttribute('aria-selected', 'true');
    await expect(workspace.translationPanel).toHaveAttribute('lang', code);
    await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT[code]);
  }

  const requests = await apiRequestsDuring(page, async () => {
    for (const code of [...TARGETS].reverse()) {
      await workspace.tab(code).click();
      await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT[code]);
    }
    // Keyboard too: arrows move between finished languages.
    await workspace.tab('ru').press('ArrowRight');
    await expect(workspace.tab('zh-Hans')).toBeFocused();
    await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT['zh-Hans']);
  });
  expect(requests).toEqual([]);

  // The summary in each target language, and a key sentence takes the reader to its place in the article.
  const readIn = workspace.summary.getByRole('combobox', { name: workspace.t('SummaryPane.readIn') });
  await readIn.selectOption({ label: nameIn('en', 'hi') });
  await expect(workspace.summary.getByRole('listitem').first()).toContainText(SCRIPT_TEXT.hi);
  await readIn.selectOption({ label: workspace.t('SummaryPane.original', { language: 'English' }) });
  await workspace.summary.getByRole('listitem').first().getByRole('button').click();
  const focused = workspace.source.locator('[data-sentence]:focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).toBeInViewport();
  await expect(focused).toContainText('Moscow, SANA');

  // Each pane copies its own text; the whole result downloads as Markdown.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await workspace.tab('hi').click();
  await workspace.translation.getByRole('button', { name: workspace.t('TranslationPane.copy') }).click();
  await expect(workspace.translation.getByRole('status')).toHaveText(workspace.t('CopyButton.copied'));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(SCRIPT_TEXT.hi);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: workspace.t('ResultsView.download') }).click();
  const file = await (await download).path();
  const markdown = await readFile(file, 'utf8');
  expect(markdown).toMatch(/^# Lavrov: Russia isn’t’ conducting/);
  for (const code of TARGETS) expect(markdown).toContain(`## ${nameIn('en', code)}`);
  expect(markdown).toMatch(SCRIPT_TEXT['zh-Hans']);
});

test('a full-article translation pairs every source sentence with its translation', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.loadSample();
  await workspace.chooseScope('article');
  await workspace.setTargets(['ru']);
  await workspace.runFromKeyboard();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  const sources = workspace.source.locator('[data-sentence]');
  const targets = workspace.translationPanel.locator('[data-sentence]');
  const count = await sources.count();
  // The seed article's body: eight long sentences in seven paragraphs.
  expect(count).toBeGreaterThanOrEqual(8);
  await expect(targets).toHaveCount(count);
  for (let i = 0; i < count; i++) await expect(targets.nth(i)).toContainText(SCRIPT_TEXT.ru);

  const transparent = 'rgba(0, 0, 0, 0)';
  await expect(targets.nth(4)).toHaveCSS('background-color', transparent);
  await sources.nth(4).hover();
  await expect(targets.nth(4)).not.toHaveCSS('background-color', transparent);
  await expect(targets.nth(5)).toHaveCSS('background-color', transparent);

  // And the other way, from the keyboard.
  await targets.nth(7).focus();
  await expect(sources.nth(7)).not.toHaveCSS('background-color', transparent);
  await expect(sources.nth(4)).toHaveCSS('background-color', transparent);
});

test('Cancel stops a run on the server', async ({ page, request }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  // Long enough that the run is still going when Cancel is pressed.
  await workspace.chooseEngine('server');
  await workspace.article.fill(longArticle(30, 'cancel'));
  await workspace.chooseScope('both');
  const submitted = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/digests') && r.request().method() === 'POST',
  );
  await workspace.run();
  const { id } = (await (await submitted).json()) as { id: string };

  await workspace.cancelButton.click();
  await expect(page.getByRole('status').filter({ hasText: workspace.t('Errors.cancelled') })).toBeVisible();
  await expect(workspace.cancelButton).toBeHidden();
  await expect(workspace.runButton).toBeEnabled();
  await expect
    .poll(
      async () => ((await (await request.get(`/api/v1/digests/${id}`)).json()) as { status: string }).status,
    )
    .toBe('cancelled');
  // Languages are translated as their models become ready, so which ones were still pending varies:
  // at least one of them says the run stopped before it.
  const notTranslated = workspace.t('TranslationPane.notTranslated');
  let stopped = 0;
  for (const code of ['ru', 'zh-Hans', 'hi'] as const) {
    await workspace.tab(code).click();
    await expect(workspace.tab(code)).toHaveAttribute('aria-selected', 'true');
    if ((await workspace.translationPanel.innerText()).includes(notTranslated)) stopped++;
  }
  expect(stopped).toBeGreaterThan(0);
});

test('a language whose model is missing says how to get it in the reader’s language, and the others still arrive', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page, 'ru');
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.loadSample();
  await workspace.setTargets(['ru', 'ar']);
  await workspace.run();
  await expect(workspace.outcomeStatus).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  await workspace.tab('ar').click();
  await expect(workspace.translationPanel).toHaveAttribute('dir', 'rtl');
  const alert = workspace.translationPanel.getByRole('alert');
  const command = 'npm run models:pull -- ar';
  await expect(alert).toContainText(workspace.t('Errors.model_unavailable'));
  await expect(alert).toContainText(workspace.t('ErrorMessage.remedy'));
  await expect(alert).toContainText(
    workspace.t.markup('ErrorMessage.pullOnServer', { code: (c) => c, command }),
  );
  await expect(alert.getByRole('code').filter({ hasText: command })).toBeVisible();
  // Said in Russian: no English prose from the engine.
  await expect(alert).not.toContainText('connected machine');
  // The download it needs, as the registry states it for the server's CPU (q8).
  const missing = translationRoute('fixtures', 'en', 'ar')![0]!.model;
  await expect(alert).toContainText(
    workspace.t.markup('ErrorMessage.model', { code: (c) => c, model: missing.id, size: missing.sizeMB.q8! }),
  );

  await workspace.tab('ru').click();
  await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.ru);
});

test('a translated summary reads as the summary does: in its style, lit up from the keyboard too', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.loadSample();
  await workspace.setTargets(['ru']);
  await workspace.choose(workspace.t('DigestOptions.type.legend'), workspace.t('DigestOptions.type.tldr'));
  await workspace.chooseScope('summary');
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  await workspace.tab('ru').click();
  await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.ru);
  // A TL;DR is running text, not bullets, as in the summary pane.
  await expect(workspace.translationPanel.getByRole('listitem')).toHaveCount(0);
  // Focusing a translated key sentence lights up the source sentence it quotes.
  await workspace.translationPanel.locator('[data-summary="0"]').focus();
  await expect(workspace.source.locator('[data-sentence].bg-amber-100')).toHaveCount(1);
});

test('a summary that cannot be made says why, and every translation still arrives', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.loadSample();
  // Read as German, the article has no model into English, which the rewritten summary needs.
  await page.getByLabel(workspace.t('SourceLanguage.label')).selectOption('de');
  await workspace.choose(
    workspace.t('DigestOptions.mode.legend'),
    workspace.t('DigestOptions.mode.abstractive'),
  );
  await workspace.chooseScope('both');
  await workspace.setTargets(['ru', 'hi']);
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  await expect(workspace.summary.getByRole('alert')).toContainText(
    workspace.t('ErrorMessage.unsupportedPair', { source: nameIn('en', 'de'), target: nameIn('en', 'en') }),
  );
  for (const code of ['ru', 'hi'] as const) {
    await workspace.tab(code).click();
    await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT[code]);
    await expect(workspace.translationPanel.getByRole('alert')).toHaveCount(0);
  }
});

test('switching the UI language keeps the article and its result, and translates the labels', async ({
  page,
}) => {
  const text = 'Ministers met in Geneva on Monday. They agreed to meet again next week.';
  let workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.article.fill(text);
  await workspace.setTargets(['ru']);
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  for (const locale of ['ru', 'zh', 'hi'] as const) {
    await page
      .getByRole('navigation', { name: workspace.t('LocaleSwitcher.label') })
      .getByRole('link', { name: localeInfo[locale].nativeName })
      .click();
    await expect(page).toHaveURL(`/${locale}`);
    workspace = new WorkspacePage(page, locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(workspace.article).toHaveValue(text);
    await expect(workspace.runButton).toBeVisible();
    await expect(page.getByRole('button', { name: workspace.t('Workspace.sample') })).toBeVisible();
    await expect(workspace.detectedLanguage).toContainText(nameIn(locale, 'en'));
    await expect(
      page.getByRole('radio', { name: workspace.t('DigestOptions.engine.server'), exact: true }),
    ).toBeChecked();
    // The finished result is still there, now with labels in the new language.
    await expect(workspace.tab('ru')).toHaveAttribute('aria-selected', 'true');
    await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.ru);
  }
});

test('axe finds no accessibility violations before or after a run', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await workspace.chooseEngine('server');
  await workspace.loadSample();
  await workspace.chooseScope('both');
  await workspace.setTargets(['ru', 'ar']);
  await workspace.run();
  await expect(workspace.outcomeStatus).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });
  await workspace.tab('ar').click();
  // With the boilerplate list open, a failed language on show and a sentence highlighted.
  await page.getByRole('button', { name: /lines removed — show/ }).click();
  await workspace.source.locator('[data-sentence]').nth(2).hover();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Dark mode follows the system, with its own colours to check.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

for (const locale of routing.locales) {
  test(`the finished side-by-side view in ${localeInfo[locale].nativeName} (screenshot)`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    const workspace = new WorkspacePage(page, locale);
    await workspace.goto();
    await workspace.chooseEngine('server');
    await workspace.loadSample();
    await workspace.chooseScope('both');
    await workspace.run();
    await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });
    await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.ru);

    await page
      .getByRole('heading', { level: 2, name: workspace.t('ResultsView.heading') })
      .scrollIntoViewIfNeeded();
    // Saved in the test's output folder (kept after the run) and attached to the report.
    const path = testInfo.outputPath(`workspace-${locale}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`workspace-${locale}.png`, { path, contentType: 'image/png' });
  });
}
