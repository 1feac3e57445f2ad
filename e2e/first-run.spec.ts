import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

import { localeInfo, routing } from '../i18n/routing';
import { WorkspacePage } from './pages/workspace-page';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

for (const locale of routing.locales) {
  for (const viewport of VIEWPORTS) {
    test(`the first-run view in ${localeInfo[locale].nativeName} at ${viewport.width}×${viewport.height} (screenshot, axe)`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(viewport);
      const workspace = new WorkspacePage(page, locale);
      await workspace.goto();
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      // What a new reader sees first: the viewport, not the whole page.
      const name = `first-run-${locale}-${viewport.width}x${viewport.height}.png`;
      const path = testInfo.outputPath(name);
      await page.screenshot({ path });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    });
  }
}
