import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { useOnline } from '@/hooks/use-online';
import { responseError } from '@/hooks/wire-error';
import { toWireError, type WireError } from '@/lib/errors';
import { Button } from '../ui/button';
import { ErrorMessage } from './error-message';
import { LinkIcon } from '../ui/icons';
import { OFFLINE_REASON } from './offline-banner';

/** POST /api/v1/extract's answer. */
export interface ExtractedArticle {
  title: string;
  byline?: string;
  text: string;
  language?: string;
}

type ImportState =
  { status: 'idle' | 'loading' } | { status: 'failed'; error: WireError } | { status: 'done'; title: string };

/** "Import from URL": a disclosure with a one-field form; the server fetches and extracts the article. */
export function UrlImport({ onImported }: { onImported: (article: ExtractedArticle) => void }) {
  const t = useTranslations('UrlImport');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const field = useRef<HTMLInputElement>(null);
  // The server fetches the page: offline there is no importing, and the banner says why.
  const offline = !useOnline();
  // Opening the form is asking to type an address: the field takes the focus.
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      // The API's own schema, loaded on the first import rather than with the page (it brings zod).
      const { extractRequest } = await import('@/lib/schemas/api');
      const request = extractRequest.safeParse({ url: url.trim() });
      if (!request.success) {
        setState({ status: 'failed', error: { code: 'url_invalid', message: request.error.message } });
        return;
      }
      setState({ status: 'loading' });
      const response = await fetch('/api/v1/extract', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request.data),
      });
      if (!response.ok) throw await responseError(response);
      const article = (await response.json()) as ExtractedArticle;
      onImported(article);
      setState({ status: 'done', title: article.title });
    } catch (error) {
      setState({ status: 'failed', error: toWireError(error) });
    }
  }

  return (
    <>
      <Button
        variant="secondary"
        aria-expanded={open && !offline}
        aria-controls={`${id}-form`}
        // aria-disabled, not disabled: a button that keeps the focus, and whose description says why.
        aria-disabled={offline || undefined}
        aria-describedby={offline ? OFFLINE_REASON.import : undefined}
        onClick={() => {
          if (!offline) setOpen(!open);
        }}
        className="aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
      >
        <LinkIcon />
        {t('toggle')}
      </Button>
      {open && !offline && (
        // noValidate: the browser's own "invalid URL" bubble speaks its language, not the page's; the server's
        // answer is translated.
        <form id={`${id}-form`} onSubmit={submit} noValidate className="flex w-full flex-col gap-2">
          <label htmlFor={`${id}-url`} className="text-sm font-medium text-neutral-700 dark:text-neutral-300">
            {t('label')}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              ref={field}
              id={`${id}-url`}
              type="url"
              inputMode="url"
              autoComplete="url"
              dir="ltr"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              placeholder="https://"
              className="min-w-0 flex-1 rounded-lg border border-neutral-300 bg-white px-3 py-2 text-sm shadow-xs dark:border-neutral-700 dark:bg-neutral-900"
            />
            <Button type="submit" variant="secondary" disabled={state.status === 'loading' || !url.trim()}>
              {state.status === 'loading' ? t('importing') : t('submit')}
            </Button>
          </div>
          <div role="status" className="text-sm text-neutral-700 dark:text-neutral-300">
            {state.status === 'done' && t('imported', { title: state.title })}
          </div>
          {state.status === 'failed' && <ErrorMessage error={state.error} />}
        </form>
      )}
    </>
  );
}
