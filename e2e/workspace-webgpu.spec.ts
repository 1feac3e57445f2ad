import { expect, test } from '@playwright/test';

import { CHROMIUM_WEBGPU_ARGS, chromiumPath } from '../scripts/chromium';
import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { startApp, type LocalServer } from './support/servers';

// SwiftShader's software WebGPU adapter: the worker takes it only when told to (BITEXT_BROWSER_DEVICE).
test.use({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_WEBGPU_ARGS } });
test.setTimeout(300_000);

let webgpu: LocalServer;
test.beforeAll(async () => {
  webgpu = await startApp({ env: { BITEXT_BROWSER_DEVICE: 'webgpu' } });
});
test.afterAll(() => webgpu?.close());

async function translateSample(workspace: WorkspacePage): Promise<string[]> {
  await workspace.loadSample();
  await workspace.chooseEngine('browser');
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser * 2 });
  const texts: string[] = [];
  for (const code of ['ru', 'zh-Hans', 'hi'] as const) {
    await workspace.tab(code).click();
    await expect(workspace.translationPanel).not.toBeEmpty();
    texts.push(await workspace.translationPanel.innerText());
  }
  return texts;
}

test('the Browser engine on WebGPU (fp32 fixtures) says so and translates as WebAssembly (q8) does', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page);
  await page.goto(`${webgpu.origin}/en`);
  const onGpu = await translateSample(workspace);
  await expect(
    page.getByText(workspace.t('RunControls.ranOn', { placements: 'WebGPU, fp32' })),
  ).toBeVisible();

  await workspace.goto();
  const onWasm = await translateSample(workspace);
  await expect(page.getByText(workspace.t('RunControls.ranOn', { placements: 'WASM, q8' }))).toBeVisible();
  expect(onGpu).toEqual(onWasm);
});
