import { expect, test } from '@playwright/test';

import { localeInfo, routing } from '../i18n/routing';
import en from '../messages/en.json' with { type: 'json' };
import hi from '../messages/hi.json' with { type: 'json' };
import ru from '../messages/ru.json' with { type: 'json' };
import zh from '../messages/zh.json' with { type: 'json' };

const messages = { en, ru, zh, hi } satisfies Record<(typeof routing.locales)[number], typeof en>;

test('the bare address opens the English home page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL('/en');
  await expect(page.getByRole('heading', { level: 1, name: en.HomePage.title })).toBeVisible();
});

for (const locale of routing.locales) {
  const m = messages[locale];

  test(`the home page reads in ${localeInfo[locale].nativeName}`, async ({ page }) => {
    await page.goto(`/${locale}`);

    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', localeInfo[locale].dir);
    await expect(page).toHaveTitle(m.LocaleLayout.title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1, name: m.HomePage.title })).toBeVisible();
    await expect(page.getByRole('main').getByText(m.HomePage.intro)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: m.HomePage.api.heading })).toBeVisible();
    await expect(page.getByRole('link', { name: '/api/v1/health' })).toHaveAttribute(
      'href',
      '/api/v1/health',
    );
    await expect(page.getByRole('link', { name: '/api/v1/languages' })).toHaveAttribute(
      'href',
      '/api/v1/languages',
    );

    const switcher = page.getByRole('navigation', { name: m.LocaleSwitcher.label });
    await expect(switcher.getByRole('link', { name: localeInfo[locale].nativeName })).toHaveAttribute(
      'aria-current',
      'page',
    );
    for (const other of routing.locales) {
      await expect(switcher.getByRole('link', { name: localeInfo[other].nativeName })).toHaveAttribute(
        'href',
        `/${other}`,
      );
    }
  });
}

test('the language switcher opens the same page in the chosen language', async ({ page }) => {
  await page.goto('/en');
  await page
    .getByRole('navigation', { name: en.LocaleSwitcher.label })
    .getByRole('link', { name: 'हिन्दी' })
    .click();

  await expect(page).toHaveURL('/hi');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(page.getByRole('heading', { level: 1, name: hi.HomePage.title })).toBeVisible();
});

test('an unknown address shows a translated "not found" page', async ({ page }) => {
  const response = await page.goto('/ru/no-such-page');

  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1, name: ru.NotFoundPage.title })).toBeVisible();
  await expect(page.getByRole('link', { name: ru.NotFoundPage.home })).toHaveAttribute('href', '/ru');
});
