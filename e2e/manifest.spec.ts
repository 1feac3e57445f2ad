import { expect, test } from '@playwright/test';

import { localeInfo, routing } from '../i18n/routing';
import en from '../messages/en.json' with { type: 'json' };
import hi from '../messages/hi.json' with { type: 'json' };
import ru from '../messages/ru.json' with { type: 'json' };
import zh from '../messages/zh.json' with { type: 'json' };

const messages = { en, ru, zh, hi } satisfies Record<(typeof routing.locales)[number], typeof en>;

for (const locale of routing.locales) {
  test(`the ${localeInfo[locale].nativeName} workspace can be installed, and opens in ${locale}`, async ({
    page,
    request,
  }) => {
    await page.goto(`/${locale}`);
    // The browser's toolbar follows the page's colour scheme.
    await expect(page.locator('meta[name="theme-color"][media*="light"]')).toHaveAttribute('content', /^#/);
    await expect(page.locator('meta[name="theme-color"][media*="dark"]')).toHaveAttribute('content', /^#/);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const response = await request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      name: messages[locale].LocaleLayout.title,
      short_name: 'Bitext',
      lang: locale,
      dir: localeInfo[locale].dir,
      start_url: `/${locale}`,
      display: 'standalone',
    });
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons as { src: string }[]) {
      expect((await request.get(new URL(icon.src, page.url()).href)).status()).toBe(200);
    }
  });
}
