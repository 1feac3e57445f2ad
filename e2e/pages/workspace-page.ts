import { expect, type Locator, type Page } from '@playwright/test';

import type { UiLocale } from '../../i18n/routing';
import { nameIn, translator } from '../support/messages';

type Engine = 'auto' | 'browser' | 'server';
type Scope = 'summary' | 'article' | 'both';

/**
 * How long a run of the sample may take here, by engine. On the server the first run loads its models on a
 * cold server; in the browser every test starts a worker that loads the runtime and its models. Either may
 * share the two cores with the other test worker.
 */
export const RUN_TIMEOUT_MS: Record<Exclude<Engine, 'auto'>, number> = { server: 60_000, browser: 150_000 };

/**
 * The workspace as a reader meets it: controls found by role and accessible name, in the page's UI locale.
 * Actions wait for what the reader would wait for; assertions stay in the specs.
 */
export class WorkspacePage {
  readonly t: ReturnType<typeof translator>;

  constructor(
    readonly page: Page,
    readonly locale: UiLocale = 'en',
  ) {
    this.t = translator(locale);
  }

  async goto() {
    await this.page.goto(`/${this.locale}`);
    await expect(this.runButton).toBeVisible();
  }

  get article(): Locator {
    return this.page.getByRole('textbox', { name: this.t('ArticleInput.label') });
  }

  get detectedLanguage(): Locator {
    return this.page.getByRole('status', { name: this.t('SourceLanguage.badgeLabel') });
  }

  get runButton(): Locator {
    return this.page.getByRole('button', { name: this.t('RunControls.run'), exact: true });
  }

  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: this.t('RunControls.cancel'), exact: true });
  }

  get source(): Locator {
    return this.page.getByRole('region', { name: this.t('SourcePane.title'), exact: true });
  }

  get summary(): Locator {
    return this.page.getByRole('region', { name: this.t('SummaryPane.title'), exact: true });
  }

  get translation(): Locator {
    return this.page.getByRole('region', { name: this.t('TranslationPane.title'), exact: true });
  }

  get translationPanel(): Locator {
    return this.translation.getByRole('tabpanel');
  }

  /** The "Done in 1.2 s, on the server." line. */
  doneStatus(engine: Exclude<Engine, 'auto'>): Locator {
    const done = this.t('RunControls.done', { time: '§', engine });
    const [before = '', after = ''] = done.split('§');
    return this.page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${escape(before)}.+${escape(after)}$`) });
  }

  /** How a run ended when some of its languages failed: "Done: 2 of 3 languages. Arabic: …". */
  get outcomeStatus(): Locator {
    const [before = ''] = this.t('RunControls.partial', { done: 0, total: 0, failures: '' }).split('0');
    return this.page.getByRole('status').filter({ hasText: new RegExp(`^${escape(before)}`) });
  }

  /** What a running run is doing: downloads, the summary, the languages. */
  get progress(): Locator {
    return this.page.getByRole('group', { name: this.t('RunProgress.label'), exact: true });
  }

  get sourceSelect(): Locator {
    return this.page.getByRole('combobox', { name: this.t('SourceLanguage.label') });
  }

  /** A target language's chip in "Translate into". */
  targetChip(code: string): Locator {
    return this.page
      .getByRole('group', { name: this.t('TargetPicker.legend'), exact: true })
      .getByRole('listitem')
      .filter({ hasText: nameIn(this.locale, code) });
  }

  tab(code: string): Locator {
    return this.translation.getByRole('tab', { name: nameIn(this.locale, code), exact: true });
  }

  async loadSample() {
    await this.page.getByRole('button', { name: this.t('Workspace.sample') }).click();
  }

  /** The sample on the server engine, into `targets` when given: ready to Run. */
  async prepareSample(targets?: string[]) {
    await this.chooseEngine('server');
    await this.loadSample();
    if (targets) await this.setTargets(targets);
  }

  /** The sample, run on the server to the end. */
  async runSample(targets?: string[]) {
    await this.prepareSample(targets);
    await this.run();
    await expect(this.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });
  }

  /** Shares the finished result from the workspace's Share panel. */
  async createShare() {
    await this.page.getByRole('button', { name: this.t('ShareButton.open') }).click();
    const panel = this.page.getByRole('region', { name: this.t('ShareButton.heading') });
    await panel.getByRole('button', { name: this.t('ShareButton.create') }).click();
    await expect(panel.getByRole('textbox', { name: this.t('ShareButton.link') })).toHaveValue(/\/s\//);
  }

  /** Picks an option of a segmented control by clicking its label, as a reader does. */
  async choose(group: string, option: string) {
    const fieldset = this.page.getByRole('group', { name: group, exact: true });
    await fieldset.getByText(option, { exact: true }).click();
    await expect(fieldset.getByRole('radio', { name: option, exact: true })).toBeChecked();
  }

  async chooseEngine(engine: Engine) {
    await this.choose(this.t('DigestOptions.engine.legend'), this.t(`DigestOptions.engine.${engine}`));
  }

  async chooseScope(scope: Scope) {
    await this.choose(this.t('DigestOptions.translate.legend'), this.t(`DigestOptions.translate.${scope}`));
  }

  /** Leaves exactly `codes` as target languages, in that order. */
  async setTargets(codes: string[]) {
    const targets = this.page.getByRole('group', { name: this.t('TargetPicker.legend'), exact: true });
    const remove = targets.getByRole('button', {
      name: this.t('TargetPicker.remove', { language: '' }).trim(),
    });
    while ((await remove.count()) > 0) await remove.first().click();
    await expect(remove).toHaveCount(0);
    const add = targets.getByRole('combobox', { name: this.t('TargetPicker.add') });
    for (const code of codes) await add.selectOption(code);
    await expect(remove).toHaveCount(codes.length);
  }

  async run() {
    await expect(this.runButton).toBeEnabled();
    await this.runButton.click();
  }

  /** Ctrl+Enter, from wherever the focus is. */
  async runFromKeyboard() {
    await expect(this.runButton).toBeEnabled();
    await this.page.keyboard.press('Control+Enter');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
