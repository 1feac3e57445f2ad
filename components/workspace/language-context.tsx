'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';

import type { LanguageCode, TextDirection } from '@/lib/langs';

/** One row of /api/v1/languages, named in the UI language. */
export interface LanguageOption {
  code: LanguageCode;
  /** In the UI language. */
  name: string;
  nativeName: string;
  dir: TextDirection;
  /** What this language can be translated into on this server. */
  targets: LanguageCode[];
  /** Those of `targets` whose models this server neither has nor may download: a run into them fails. */
  unavailable: LanguageCode[];
}

interface LanguageTable {
  languages: readonly LanguageOption[];
  /** The UI-language name of `code`, or the code itself for a language the table lacks. */
  nameOf: (code: string) => string;
  dirOf: (code: string) => TextDirection;
}

const Context = createContext<LanguageTable | null>(null);

export function LanguageProvider({
  languages,
  children,
}: {
  languages: LanguageOption[];
  children: ReactNode;
}) {
  const table = useMemo<LanguageTable>(() => {
    const byCode = new Map(languages.map((l) => [l.code as string, l]));
    return {
      languages,
      nameOf: (code) => byCode.get(code)?.name ?? code,
      dirOf: (code) => byCode.get(code)?.dir ?? 'ltr',
    };
  }, [languages]);
  return <Context.Provider value={table}>{children}</Context.Provider>;
}

export function useLanguages(): LanguageTable {
  const table = useContext(Context);
  if (!table) throw new Error('useLanguages needs a LanguageProvider above it');
  return table;
}
