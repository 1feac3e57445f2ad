import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { nameIn, SCRIPT_TEXT } from './support/messages';

test.setTimeout(120_000);

test('a language with no model is marked before Run, and the run says which one failed', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.prepareSample(['ru', 'hi', 'ar']);

  // Before Run: the chip itself says that this server cannot translate into Arabic.
  await expect(workspace.targetChip('ar')).toContainText(workspace.t('TargetPicker.unavailable'));
  await expect(workspace.targetChip('ru')).not.toContainText(workspace.t('TargetPicker.unavailable'));

  await workspace.run();
  const failure = workspace.t('RunControls.failure', {
    language: nameIn('en', 'ar'),
    reason: 'noModel',
    engine: 'server',
  });
  await expect(workspace.outcomeStatus).toHaveText(
    workspace.t('RunControls.partial', { done: 2, total: 3, failures: failure }),
    { timeout: RUN_TIMEOUT_MS.server },
  );
  await expect(workspace.doneStatus('server')).toHaveCount(0);
  await workspace.tab('ru').click();
  await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.ru);
});

test('a message inside a right-to-left pane is laid out in the UI’s language and direction', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.prepareSample(['ru', 'ar']);
  await workspace.run();
  await expect(workspace.tab('ar')).toBeVisible();
  await workspace.tab('ar').click();
  // The translation itself would be Arabic, right to left; the English error about it is not.
  await expect(workspace.translationPanel).toHaveAttribute('dir', 'rtl');
  const alert = workspace.translationPanel.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });
  await expect(alert).toHaveAttribute('lang', 'en');
  await expect(alert).toHaveAttribute('dir', 'ltr');
});
