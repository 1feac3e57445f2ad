import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { localeInfo, routing, type UiLocale } from '../i18n/routing';
import { nameIn, translator } from './support/messages';
import { createReadingShare } from './support/reading';

/** What each language's pronunciation must show for the share's second sentence (Moscow, Lavrov). */
const LATIN = {
  ru: ['Moskva', 'Sergey', 'Lavrov'],
  'zh-Hans': ['mòsīkē', 'éluósī'],
  hi: ['māsko', 'lāvrov', 'videś'],
} as const;

function panes(page: Page, locale: UiLocale) {
  const t = translator(locale);
  const translation = page.getByRole('region', { name: t('TranslationPane.title'), exact: true });
  return {
    t,
    translation,
    panel: translation.getByRole('tabpanel'),
    source: page.getByRole('region', { name: t('SourcePane.title'), exact: true }),
    tab: (code: string) => translation.getByRole('tab', { name: nameIn(locale, code), exact: true }),
    pronunciation: translation.getByRole('button', { name: t('Pronunciation.toggle') }),
  };
}

test('a share shows each word’s pronunciation over it, remembered across reloads', async ({
  page,
  request,
}) => {
  const { id } = await createReadingShare(request);
  await page.goto(`/en/s/${id}`);
  const { panel, source, tab, pronunciation, t } = panes(page, 'en');
  // English is in Latin letters already: no switch for the source.
  await expect(source.getByRole('button', { name: t('Pronunciation.toggle') })).toHaveCount(0);
  await tab('ru').click();
  await expect(pronunciation).toHaveAttribute('aria-pressed', 'false');
  await expect(panel.locator('rt')).toHaveCount(0);

  await pronunciation.click();
  await expect(pronunciation).toHaveAttribute('aria-pressed', 'true');
  for (const word of LATIN.ru) await expect(panel.locator('rt', { hasText: word }).first()).toBeVisible();
  await expect(panel.locator('ruby', { hasText: 'Москва' }).locator('rt')).toHaveText('Moskva');

  await page.reload();
  await tab('hi').click();
  await expect(pronunciation).toHaveAttribute('aria-pressed', 'true');
  for (const word of LATIN.hi) await expect(panel.locator('rt', { hasText: word }).first()).toBeVisible();
  await tab('zh-Hans').click();
  for (const word of LATIN['zh-Hans']) {
    await expect(panel.locator('rt', { hasText: word }).first()).toBeVisible();
  }

  await pronunciation.click();
  await expect(panel.locator('rt')).toHaveCount(0);
});

for (const locale of routing.locales) {
  test(`pronunciation reads in ${localeInfo[locale].nativeName}, light and dark, 390 px and 1440 px, axe clean`, async ({
    page,
    request,
  }) => {
    const { id } = await createReadingShare(request);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/${locale}/s/${id}`);
    const { panel, tab, pronunciation } = panes(page, locale);
    await tab('zh-Hans').click();
    await pronunciation.click();
    await expect(panel.locator('rt').first()).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await tab('hi').click();
    await expect(panel.locator('rt').first()).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}
