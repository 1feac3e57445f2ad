import { describe, expect, it } from 'vitest';

import { gapBetween, paragraphsOf } from '@/components/results/highlight';
import { DEFAULT_OPTIONS, parseWorkspaceOptions } from '@/components/workspace/workspace-options';
import { LIMITS } from '@/lib/limits';

describe('stored workspace options', () => {
  it('keeps every valid choice', () => {
    const stored = { ...DEFAULT_OPTIONS, mode: 'abstractive', engine: 'server', targets: ['ar', 'de'] };
    expect(parseWorkspaceOptions(stored)).toEqual(stored);
  });

  it('drops only what a newer or older version would not understand', () => {
    const parsed = parseWorkspaceOptions({
      mode: 'poetic',
      type: 'tldr',
      length: 'long',
      translate: 'everything',
      engine: 'browser',
      targets: ['ru', 'xx', 'ru', 42, 'hi'],
    });
    expect(parsed).toEqual({
      mode: 'extractive',
      type: 'tldr',
      length: 'long',
      translate: 'summary',
      engine: 'browser',
      targets: ['ru', 'hi'],
    });
  });

  it('falls back to the defaults for junk, and caps the languages', () => {
    expect(parseWorkspaceOptions('junk')).toEqual(DEFAULT_OPTIONS);
    const many = parseWorkspaceOptions({
      targets: ['ru', 'zh-Hans', 'zh-Hant', 'hi', 'de', 'fr', 'es', 'it', 'pt', 'uk', 'ar', 'ja'],
    });
    expect(many.targets).toHaveLength(LIMITS.targets);
  });
});

describe('sentence layout helpers', () => {
  it('groups sentences into their paragraphs', () => {
    const sentences = [{ paragraph: 0 }, { paragraph: 1 }, { paragraph: 1 }, { paragraph: 3 }];
    expect(paragraphsOf(sentences)).toEqual([[0], [1, 2], [3]]);
  });

  it('puts a space between sentences, except between Chinese ones', () => {
    expect(gapBetween('He left.', 'She stayed.')).toBe(' ');
    expect(gapBetween('他走了。', '她留下了。')).toBe('');
    expect(gapBetween('他说：“好。”', 'Then he left.')).toBe(' ');
  });
});
