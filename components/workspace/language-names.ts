/**
 * Language names in the reader's UI language ("Russian" on /en, "Русский" on /ru), from the runtime's CLDR
 * data. Computed on the server and handed to the page, so the browser's own ICU version cannot make the
 * hydrated text differ from the server's.
 */
export function languageName(code: string, uiLocale: string, fallback: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([uiLocale], { type: 'language' }).of(code);
  } catch {
    // A runtime without display names (tiny ICU): the English name from the table is better than nothing.
  }
  if (!name || name === code) return fallback;
  // Russian and Hindi write language names in lower case mid-sentence; as labels they start with a capital.
  return name.charAt(0).toLocaleUpperCase(uiLocale) + name.slice(1);
}
