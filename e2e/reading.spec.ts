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

test('interlinear: each sentence over its translations, j/k and arrows move, the side-by-side view follows', async ({
  page,
  request,
}) => {
  const { id } = await createReadingShare(request);
  await page.goto(`/en/s/${id}`);
  const t = translator('en');
  await page.getByText(t('ResultsView.layout.interlinear'), { exact: true }).click();
  const list = page.getByRole('listbox', { name: t('Interlinear.label') });
  const lines = list.getByRole('option');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(1)).toContainText('Sergey Lavrov said');
  await expect(lines.nth(1)).toContainText('Сергей Лавров');
  await expect(lines.nth(1)).toContainText('拉夫罗夫');
  await expect(lines.nth(1)).toContainText('लावरोव');
  await expect(lines.nth(0)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(lines.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(lines.nth(1)).toHaveAttribute('aria-selected', 'true');
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(lines.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(lines.nth(1)).toHaveAttribute('aria-selected', 'false');

  await page.getByRole('button', { name: t('Interlinear.translationPronunciation') }).click();
  await expect(lines.nth(1).locator('rt', { hasText: 'Lavrov' }).first()).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Back side by side, the sentence the reader was on is lit up in the source and the translation.
  await page.getByText(t('ResultsView.layout.side-by-side'), { exact: true }).click();
  const { source, panel } = panes(page, 'en');
  await expect(source.locator('[data-sentence="2"]')).toHaveClass(/bg-amber-100/);
  await expect(panel.locator('[data-sentence="2"]')).toHaveClass(/bg-amber-100/);
});

for (const locale of ['zh', 'hi', 'ru'] as const) {
  test(`the interlinear view with pronunciation, in ${localeInfo[locale].nativeName} (screenshots)`, async ({
    page,
    request,
  }, testInfo) => {
    const { id } = await createReadingShare(request);
    const t = translator(locale);
    for (const [width, height] of [
      [1440, 1000],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`/${locale}/s/${id}`);
      await page.getByText(t('ResultsView.layout.interlinear'), { exact: true }).click();
      const pronunciation = page.getByRole('button', { name: t('Interlinear.translationPronunciation') });
      if ((await pronunciation.getAttribute('aria-pressed')) !== 'true') await pronunciation.click();
      const list = page.getByRole('listbox', { name: t('Interlinear.label') });
      await expect(list.locator('rt').first()).toBeVisible();
      await list.scrollIntoViewIfNeeded();
      const path = testInfo.outputPath(`interlinear-${locale}-${width}.png`);
      await list.screenshot({ path });
      await testInfo.attach(`interlinear-${locale}-${width}.png`, { path, contentType: 'image/png' });
    }
  });
}

test('on a wide screen a second translation can be pinned beside the first, each with its tabs', async ({
  page,
  request,
}) => {
  const { id } = await createReadingShare(request);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/en/s/${id}`);
  const { t, panel, tab, source } = panes(page, 'en');
  const pin = page.getByRole('button', { name: t('ResultsView.pin') });
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  const second = page.getByRole('region', { name: t('ResultsView.pinnedTitle'), exact: true });
  const secondTab = (code: string) => second.getByRole('tab', { name: nameIn('en', code), exact: true });
  await expect(secondTab('zh-Hans')).toHaveAttribute('aria-selected', 'true');
  await secondTab('hi').click();
  await tab('ru').click();
  await expect(second.getByRole('tabpanel')).toHaveAttribute('lang', 'hi');
  await expect(panel).toHaveAttribute('lang', 'ru');

  // Side by side by side: the two columns start level, and a sentence lights up in all three.
  const [main, pinned] = await Promise.all([panel.boundingBox(), second.getByRole('tabpanel').boundingBox()]);
  expect(pinned!.x).toBeGreaterThan(main!.x + main!.width - 1);
  await source.locator('[data-sentence="1"]').hover();
  await expect(panel.locator('[data-sentence="1"]')).toHaveClass(/bg-amber-100/);
  await expect(second.locator('[data-sentence="1"]')).toHaveClass(/bg-amber-100/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // A phone has no room for it: the tab strip as before.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(pin).toBeHidden();
  await expect(second).toBeHidden();
});

test('Listen reads the translation aloud sentence by sentence, lighting up the one read', async ({
  page,
  request,
}) => {
  // Chromium's voices come from speech-dispatcher and espeak-ng (.ci/run installs them, sound to a null device).
  // Every sentence lit up while it is read, in order, is recorded as it happens.
  await page.addInitScript(() => {
    const lit: string[] = [];
    Object.assign(window, { __lit: lit });
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        const element = m.target as HTMLElement;
        const panel = element.closest('[role="tabpanel"]');
        if (panel && element.dataset.sentence && element.className.includes('bg-amber-100')) {
          if (lit.at(-1) !== element.dataset.sentence) lit.push(element.dataset.sentence);
        }
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
  });
  const { id } = await createReadingShare(request);
  await page.goto(`/en/s/${id}`);
  const { t, translation, panel, tab } = panes(page, 'en');
  await tab('ru').click();
  const listen = translation.getByRole('button', { name: t('Listen.listen'), exact: true });
  await listen.click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __lit: string[] }).__lit), { timeout: 20_000 })
    .toEqual(['0', '1', '2']);
  // Read to the end: Listen again, nothing lit.
  await expect(listen).toBeVisible();
  await expect(panel.locator('.bg-amber-100')).toHaveCount(0);
  // Hindi has a voice here too (espeak-ng); a language with none would show no Listen at all.
  await tab('hi').click();
  await expect(listen).toBeVisible();
});
