import { useTranslations } from 'next-intl';
import { useId } from 'react';

import { sharePath } from '@/lib/share-links';

interface Props {
  id: string;
  /** Each language of the share with its name in the UI language, in tab order. */
  languages: { code: string; name: string }[];
  /** The language this page was opened with. */
  current?: string;
}

/**
 * A link to the share opened on each language's tab. Locale-less, like the link the author copied: whoever
 * follows it reads the page in their own UI language, on the tab the link names.
 */
export function LanguageLinks({ id, languages, current }: Props) {
  const t = useTranslations('SharePage');
  const labelId = useId();

  return (
    <nav aria-labelledby={labelId} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span id={labelId} className="text-neutral-600 dark:text-neutral-400">
        {t('links.label')}
      </span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {languages.map(({ code, name }) => (
          <li key={code}>
            <a
              href={sharePath(id, code)}
              hrefLang={code}
              aria-current={code === current ? 'page' : undefined}
              className="text-blue-700 underline underline-offset-2 hover:no-underline aria-[current=page]:font-semibold dark:text-blue-300"
            >
              {name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
