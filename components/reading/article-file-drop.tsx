'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';

import { toWireError, type WireError } from '@/lib/errors';
import { FILE_ACCEPT } from '@/lib/files/kinds';
import type { ImportedArticle } from '@/lib/text/extract-article';
import { Button } from '../ui/button';
import { ErrorMessage } from '../workspace/error-message';

type OpenState =
  { status: 'idle' } | { status: 'reading' | 'done'; name: string } | { status: 'failed'; error: WireError };

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * The article box as a drop target, with an "Open a file" button under it. The file is read here, in the
 * browser (never uploaded); the readers (pdf.js, mammoth, Readability) load with the first file.
 */
export function ArticleFileDrop({
  onOpened,
  children,
}: {
  onOpened: (article: ImportedArticle) => void;
  children: ReactNode;
}) {
  const t = useTranslations('OpenFile');
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<OpenState>({ status: 'idle' });
  const [over, setOver] = useState(false);

  async function open(file: File) {
    setState({ status: 'reading', name: file.name });
    try {
      const { readArticleFile } = await import('@/lib/files/read-file');
      onOpened(await readArticleFile(file));
      setState({ status: 'done', name: file.name });
    } catch (error) {
      setState({ status: 'failed', error: toWireError(error) });
    }
  }

  function drop(event: DragEvent) {
    const file = event.dataTransfer.files[0];
    setOver(false);
    if (!file) return;
    event.preventDefault();
    void open(file);
  }

  return (
    <div
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`grid gap-2 rounded-xl ${over ? 'outline-2 outline-offset-4 outline-blue-600 outline-dashed dark:outline-blue-400' : ''}`}
    >
      {children}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <Button size="sm" variant="secondary" onClick={() => input.current?.click()}>
          {t('open')}
        </Button>
        <input
          ref={input}
          type="file"
          accept={FILE_ACCEPT}
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared, so choosing the same file again reads it again.
            event.target.value = '';
            if (file) void open(file);
          }}
        />
        <span className="text-neutral-600 dark:text-neutral-400">{t('hint')}</span>
        <span role="status" className="text-neutral-700 dark:text-neutral-300">
          {state.status === 'reading' && t('reading', { name: state.name })}
          {state.status === 'done' && t('opened', { name: state.name })}
        </span>
      </div>
      {state.status === 'failed' && <ErrorMessage error={state.error} />}
    </div>
  );
}
