import { readFileSync } from 'node:fs';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { jsx } from 'react/jsx-runtime';
import { describe, expect, it } from 'vitest';
import { SentenceParagraphs } from '@/components/results/sentence-paragraphs';
import { SummaryText } from '@/components/results/summary-pane';
import { routing } from '@/i18n/routing';
import { DOUBT_REASONS, type DoubtReason } from '@/lib/pipeline/quality';

type Locale = (typeof routing.locales)[number];

function withMessages(locale: Locale, children: ReturnType<typeof createElement>): string {
  const file = new URL(`../../messages/${locale}.json`, import.meta.url);
  const messages = JSON.parse(readFileSync(file, 'utf8')) as AbstractIntlMessages;
  // What JSX compiles to: the provider's props type wants its children among them.
  return renderToStaticMarkup(jsx(NextIntlClientProvider, { locale, messages, timeZone: 'UTC', children }));
}

function render(locale: Locale, doubts: (DoubtReason | undefined)[]): string {
  const paragraphs = createElement(SentenceParagraphs, {
    texts: ['Лавров сказал.', 'Переговоры идут идут идут идут.'],
    doubts,
    paragraphs: [[0, 1]],
    highlight: null,
    onHighlight: () => {},
    summaryIndexOf: () => undefined,
  });
  return withMessages(locale, paragraphs);
}

/** The marker's label: what a screen reader says and a pointer's tooltip shows. */
const markers = (html: string) => [...html.matchAll(/data-doubtful="([^"]+)"[^>]*title="([^"]+)"/g)];

describe('a doubtful sentence', () => {
  it.each(routing.locales)('carries a quiet marker with its reason (%s)', (locale) => {
    const labels = new Set<string>();
    for (const reason of DOUBT_REASONS) {
      const html = render(locale, [undefined, reason]);
      const found = markers(html);
      expect(found.map((m) => m[1])).toEqual([reason]);
      labels.add(found[0]![2]!);
      expect(html).toContain(`<span class="sr-only">${found[0]![2]}</span>`);
    }
    // Each reason says something of its own.
    expect(labels.size).toBe(DOUBT_REASONS.length);
  });

  it('is the only one marked', () => {
    expect(markers(render('en', [undefined, undefined]))).toEqual([]);
  });
});

describe('a doubtful sentence of a translated summary', () => {
  it.each(['key-points', 'tldr'] as const)('is marked as in the article (%s)', (type) => {
    const summary = createElement(SummaryText, {
      sentences: [
        { text: 'Лавров сказал.', sources: [0] },
        { text: 'Переговоры идут идут идут идут.', sources: [1], doubtful: 'repetition' },
      ],
      type,
      highlight: null,
      onHighlight: () => {},
    });
    expect(markers(withMessages('ru', summary)).map((m) => m[1])).toEqual(['repetition']);
  });
});
