import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { routing } from '@/i18n/routing';
import { ERROR_STATUS } from '@/lib/errors';

const messagesDir = fileURLToPath(new URL('../messages/', import.meta.url));

type Messages = { [key: string]: string | Messages };

function load(locale: string): Messages {
  return JSON.parse(readFileSync(`${messagesDir}${locale}.json`, 'utf8')) as Messages;
}

/** Every string in a messages file, by its dotted path (`HomePage.api.heading`). */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix + key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const entry of flatten(value, `${path}.`)) flat.set(...entry);
  }
  return flat;
}

/** Paths of objects whose keys are out of order, so a diff shows additions in one predictable place. */
function unsortedObjects(messages: Messages, path = '(root)'): string[] {
  const keys = Object.keys(messages);
  const here = keys.join() === [...keys].sort().join() ? [] : [path];
  const nested = Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [] : unsortedObjects(value, path === '(root)' ? key : `${path}.${key}`),
  );
  return [...here, ...nested];
}

// Names and acronyms that read the same in every language.
const SAME_IN_EVERY_LOCALE = new Set(['HomePage.api.heading']);

const english = flatten(load('en'));

describe('messages', () => {
  it('has exactly one file per UI locale', () => {
    const files = readdirSync(messagesDir).filter((name) => name.endsWith('.json'));
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual([...routing.locales].sort());
  });

  describe.each(routing.locales)('%s', (locale) => {
    const messages = load(locale);
    const flat = flatten(messages);

    it('has the same keys as English', () => {
      expect([...flat.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it('keeps keys sorted at every level', () => {
      expect(unsortedObjects(messages)).toEqual([]);
    });

    // A formatted date may end in its own period (Russian "9 декабря 2026 г."): no sentence may add another.
    it('ends no date sentence with a doubled full stop, in every date style the UI uses', () => {
      // Keys come from the file at run time, so the translator is called untyped.
      const t = createTranslator({ locale, messages }) as unknown as (
        key: string,
        values: Record<string, string>,
      ) => string;
      const format = createFormatter({ locale, timeZone: 'UTC' });
      const doubled = [...flat]
        .filter(([, value]) => value.includes('{date}'))
        .flatMap(([path]) =>
          (['long', 'medium'] as const).map((dateStyle) =>
            t(path, {
              date: format.dateTime(new Date('2026-12-09T12:00:00Z'), { dateStyle }),
              language: 'X',
            }),
          ),
        )
        .filter((sentence) => /[.。।]\s*[.。।]/.test(sentence));
      expect(doubled).toEqual([]);
    });

    it('has no empty strings', () => {
      const empty = [...flat].filter(([, value]) => value.trim() === '').map(([path]) => path);
      expect(empty).toEqual([]);
    });
  });

  it.each(routing.locales.filter((locale) => locale !== 'en'))(
    '%s is translated, not copied from English',
    (locale) => {
      const copied = [...flatten(load(locale))]
        .filter(([path, value]) => value === english.get(path) && !SAME_IN_EVERY_LOCALE.has(path))
        .map(([path]) => path);
      expect(copied).toEqual([]);
    },
  );

  it('has a message for every error code the API returns', () => {
    const codes = Object.keys(ERROR_STATUS);
    const errorKeys = [...english.keys()].filter((path) => path.startsWith('Errors.'));
    expect(errorKeys.sort()).toEqual(codes.map((code) => `Errors.${code}`).sort());
  });
});
