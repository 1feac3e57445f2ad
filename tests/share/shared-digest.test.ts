import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

import { sharedDigest } from '@/components/share/shared-digest';
import { digest, type DigestResult } from '@/lib/pipeline/digest';
import { summaryFailed } from '@/lib/pipeline/parts';
import { shareRequest, toShareRequest, type Share } from '@/lib/schemas/share';
import { createShareStore } from '@/lib/store/shares';
import { openSqliteStore } from '@/lib/store/sqlite';
import { configureFixtureModels, readArticle } from '../support/fixture-models';

const text = readArticle('en-sana-lavrov.txt');
const options = {
  summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
  translate: 'both',
} as const;

let result: DigestResult;
let share: Share;
beforeAll(async () => {
  result = await digest({ text, targets: ['ru', 'zh-Hans', 'hi'], ...options }, configureFixtureModels());
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bitext-shared-')), 'bitext.db');
  const store = createShareStore(openSqliteStore(file).shares);
  share = await store.get((await store.create(shareRequest.parse(toShareRequest(text, result, options)))).id);
});

describe('sharedDigest', () => {
  it('is the finished run the workspace showed, rebuilt from what the store kept', () => {
    const view = sharedDigest(share);
    expect(view.status).toBe('done');
    expect(view.request).toEqual({ text, source: 'en', targets: ['ru', 'zh-Hans', 'hi'], ...options });
    expect(view.result.sentences).toEqual(result.sentences);
    expect(view.result.removed).toEqual(result.removed);
    expect(summaryFailed(result.summary)).toBe(false);
    expect(view.result.summary).toMatchObject({
      sentences: 'sentences' in result.summary && result.summary.sentences,
    });
    const { translations } = view.result;
    for (const code of ['ru', 'zh-Hans', 'hi']) {
      const original = result.translations[code]!;
      // The translated article (which the copy button and Markdown download use) comes out paragraph for
      // paragraph as the engine wrote it, though only its segments were stored.
      expect(translations[code]?.text).toBe(original.text);
      expect(translations[code]?.summary).toEqual(original.summary);
      expect(translations[code]?.segments).toEqual(original.segments);
    }
  });

  it('leaves the text out for a summary-only translation', () => {
    const summaryOnly: Share = {
      ...share,
      options: { ...share.options, translate: 'summary' },
      translations: { ru: { models: [], summary: share.translations.ru!.summary } },
    };
    const { translations } = sharedDigest(summaryOnly).result;
    expect(translations.ru?.text).toBeUndefined();
    expect(translations.ru?.summary?.text).toMatch(/\p{Script=Cyrillic}/u);
  });
});
