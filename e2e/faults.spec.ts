import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { SCRIPT_TEXT, SEED_ARTICLE, translator } from './support/messages';
import { alterStoredShare, createShare } from './support/shares';

test.setTimeout(180_000);

test('a browser engine that crashes shows a clear error, and the next run works', async ({
  page,
  context,
}) => {
  // Serve the worker a broken entry script until the error shows: it dies as it starts, as a crashed engine
  // would. (A worker the page started earlier to fetch models dies the same way, unseen; the run's own
  // worker is the one whose crash must be reported.)
  let broken = true;
  let crashes = 0;
  await context.route('**/_next/static/chunks/turbopack-worker-*.js', async (route) => {
    if (!broken) return route.fallback();
    crashes++;
    await route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated crash");' });
  });
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.loadSample();
  await workspace.chooseEngine('browser');

  await workspace.run();
  const alert = page.getByRole('alert').filter({ hasText: workspace.t('Errors.internal') });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  expect(crashes).toBeGreaterThan(0);
  broken = false;
  // The article is still there to run again.
  await expect(workspace.article).toHaveValue(/Lavrov/);

  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  await workspace.tab('ru').click();
  await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.ru);
});

test('a page that fails to render says so in the reader’s language, inside the site', async ({
  page,
  request,
}) => {
  // A share whose stored payload is broken: reading it throws while the page renders.
  const created = await createShare(request, SEED_ARTICLE);
  alterStoredShare(created.id, 'payload', '{');

  const t = translator('ru');
  await page.goto(`/ru/s/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: t('ErrorPage.title') })).toBeVisible();
  await expect(page.getByText(t('ErrorPage.description'))).toBeVisible();
  await expect(page.getByRole('button', { name: t('ErrorPage.retry') })).toBeVisible();
  // The site around it still works: the header and its language switcher.
  await expect(page.getByRole('navigation', { name: t('LocaleSwitcher.label') })).toBeVisible();
});
