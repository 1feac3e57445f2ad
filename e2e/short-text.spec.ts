import { expect, test } from '@playwright/test';

import { WorkspacePage } from './pages/workspace-page';

test('an unsure badge looks like a warning, and Run asks for the language instead of failing', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.article.fill('Storms cut power to thousands of homes overnight.');
  await expect(workspace.detectedLanguage).toContainText('English');
  const sure = await workspace.detectedLanguage.evaluate((badge) => getComputedStyle(badge).backgroundColor);

  // Three words: too few to call.
  await workspace.article.fill('El ministro ruso');
  await expect(workspace.detectedLanguage).toHaveText(workspace.t('SourceLanguage.undetermined'));
  await expect
    .poll(() => workspace.detectedLanguage.evaluate((badge) => getComputedStyle(badge).backgroundColor))
    .not.toBe(sure);

  await workspace.runButton.click();
  // No run, no error: the language selector has the focus and the reader is told why.
  await expect(workspace.sourceSelect).toBeFocused();
  await expect(page.getByText(workspace.t('Workspace.blocker.noLanguage'))).toBeVisible();
  // Within the page: Next.js's route announcer is an alert of its own.
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: workspace.t('ResultsView.heading') })).toHaveCount(0);

  // Choosing one of the guesses lets it run.
  await page
    .getByRole('group', { name: workspace.t('SourceLanguage.picksLabel') })
    .getByRole('button')
    .first()
    .click();
  await expect(workspace.runButton).toBeEnabled();
  await expect(page.getByText(workspace.t('Workspace.blocker.noLanguage'))).toHaveCount(0);
});
