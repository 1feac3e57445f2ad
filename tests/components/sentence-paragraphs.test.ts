import { readFileSync } from 'node:fs';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { jsx } from 'react/jsx-runtime';
import { describe, expect, it } from 'vitest';
import { SentenceParagraphs } from '@/components/results/sentence-paragraphs';
import { routing } from '@/i18n/routing';
import { DOUBT_REASONS, type DoubtReason } from '@/lib/pipeline/quality';

function render(locale: (typeof routing.locales)[number], doubts: (DoubtReason | undefined)[]): string {
  const file = new URL(`../../messages/${locale}.json`, import.meta.url);
  const messages = JSON.parse(readFileSync(file, 'utf8')) as AbstractIntlMessages;
  const paragraphs = createElement(SentenceParagraphs, {
    texts: ['Лавров сказал.', 'Переговоры идут идут идут идут.'],
    doubts,
    paragraphs: [[0, 1]],
    highlight: null,
    onHighlight: () => {},
    summaryIndexOf: () => undefined,
  });
  // What JSX compiles to: the provider's props type wants its children among them.
  return renderToStaticMarkup(
    jsx(NextIntlClientProvider, { locale, messages, timeZone: 'UTC', children: paragraphs }),
  );
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
