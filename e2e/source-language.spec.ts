import { expect, test } from '@playwright/test';

import { localeInfo, routing } from '../i18n/routing';
import { WorkspacePage } from './pages/workspace-page';
import { nameIn } from './support/messages';

test('a pasted headline is recognised', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.article.fill('Storms cut power to thousands of homes overnight.');
  await expect(workspace.detectedLanguage).toContainText('English');
  await workspace.article.fill('Из-за шторма тысячи домов остались без света.');
  await expect(workspace.detectedLanguage).toContainText('Russian');
  // Sure of it: nothing else is offered.
  await expect(page.getByRole('group', { name: workspace.t('SourceLanguage.picksLabel') })).toBeHidden();
});

for (const locale of routing.locales) {
  test(`when unsure, the detector's guesses are one click away (${localeInfo[locale].nativeName})`, async ({
    page,
  }) => {
    const workspace = new WorkspacePage(page, locale);
    await workspace.goto();
    // Three words: too few to call, but plainly Spanish or a neighbour of it.
    await workspace.article.fill('El ministro ruso');
    await expect(workspace.detectedLanguage).toHaveText(workspace.t('SourceLanguage.undetermined'));

    const picks = page.getByRole('group', { name: workspace.t('SourceLanguage.picksLabel') });
    const buttons = picks.getByRole('button');
    await expect(buttons.first()).toHaveText(nameIn(locale, 'es'));
    await expect(picks.getByRole('button', { name: nameIn(locale, 'pt'), exact: true })).toBeVisible();

    await buttons.first().click();
    await expect(page.getByRole('combobox', { name: workspace.t('SourceLanguage.label') })).toHaveValue('es');
    // The reader has chosen: the guesses step aside.
    await expect(picks).toBeHidden();
  });
}
