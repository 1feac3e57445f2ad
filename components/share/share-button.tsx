'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';

import { useOnline } from '@/hooks/use-online';
import { responseError } from '@/hooks/wire-error';
import type { DigestResult } from '@/lib/pipeline/digest';
import { toWireError, type WireError } from '@/lib/errors';
import {
  SHARE_EXPIRIES,
  toShareRequest,
  type ShareCreated,
  type ShareExpiry,
  type ShareRequest,
} from '@/lib/schemas/share';
import { myShareEntry } from '@/lib/share-links';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { ErrorMessage } from '../workspace/error-message';
import { OFFLINE_REASON } from '../workspace/offline-banner';
import { useMyShares } from './my-shares-store';
import { ShareIcon } from '../ui/icons';

interface Props {
  /** The article as the reader pasted it. */
  text: string;
  /** A finished digest, from either engine: a browser run is uploaded the same way. */
  result: DigestResult;
  options: ShareRequest['options'];
}

type Upload =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'failed'; error: WireError }
  | { status: 'done'; created: ShareCreated };

const IDLE: Upload = { status: 'idle' };

/**
 * Share opens a panel that says what sharing does (the text goes to the server), lets the reader pick when
 * the link stops working, and uploads the result; the link then appears with a copy button, and the delete
 * token is kept in this browser's list of shares.
 */
export function ShareButton({ text, result, options }: Props) {
  const t = useTranslations('ShareButton');
  const format = useFormatter();
  const { add } = useMyShares();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [expires, setExpires] = useState<ShareExpiry>('30d');
  // Kept with the result it belongs to: a new run's result starts from Share again, not from the old link.
  const [upload, setUpload] = useState<{ result: DigestResult; upload: Upload }>();
  const current = upload?.result === result ? upload.upload : IDLE;
  // The link is made on the server: offline there is no sharing, and the banner says why.
  const offline = !useOnline();

  async function share() {
    setUpload({ result, upload: { status: 'sending' } });
    try {
      const response = await fetch('/api/v1/shares', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(toShareRequest(text, result, options, { expires })),
      });
      if (!response.ok) throw await responseError(response);
      const created = (await response.json()) as ShareCreated;
      add(myShareEntry(text, created));
      setUpload({ result, upload: { status: 'done', created } });
    } catch (error) {
      setUpload({ result, upload: { status: 'failed', error: toWireError(error) } });
    }
  }

  return (
    // `contents`: the button sits among the results' actions, the panel opens as a full-width row under them.
    <div className="contents">
      <Button
        aria-expanded={open && !offline}
        aria-controls={`${id}-panel`}
        // aria-disabled, not disabled: a button that keeps the focus, and whose description says why.
        aria-disabled={offline || undefined}
        aria-describedby={offline ? OFFLINE_REASON.share : undefined}
        onClick={() => {
          if (!offline) setOpen(!open);
        }}
        className="aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
      >
        <ShareIcon />
        {t('open')}
      </Button>
      {open && !offline && (
        <section
          id={`${id}-panel`}
          aria-labelledby={`${id}-heading`}
          className="grid max-w-xl basis-full gap-3 rounded-xl border border-neutral-200 p-4 text-sm dark:border-neutral-800"
        >
          <h3 id={`${id}-heading`} className="font-semibold">
            {t('heading')}
          </h3>
          <p className="text-neutral-700 dark:text-neutral-300">{t('notice')}</p>
          {current.status === 'done' ? (
            <div className="grid gap-2">
              <label htmlFor={`${id}-link`} className="font-medium">
                {t('link')}
              </label>
              <div className="flex flex-wrap items-center gap-2">
                <input
                  id={`${id}-link`}
                  readOnly
                  value={current.created.url}
                  onFocus={(event) => event.currentTarget.select()}
                  dir="ltr"
                  className="min-w-0 flex-1 rounded-lg border border-neutral-300 bg-neutral-50 px-3 py-1.5 font-mono text-sm dark:border-neutral-700 dark:bg-neutral-900"
                />
                <CopyButton text={current.created.url} label={t('copy')} />
              </div>
              <p className="text-neutral-600 dark:text-neutral-400">
                {current.created.expiresAt
                  ? t('expiresOn', {
                      date: format.dateTime(new Date(current.created.expiresAt), { dateStyle: 'long' }),
                    })
                  : t('neverExpires')}{' '}
                {t('deleteHint')}
              </p>
            </div>
          ) : (
            <div className="flex flex-wrap items-end gap-3">
              <label className="grid gap-1">
                <span className="font-medium">{t('expiry.label')}</span>
                <select
                  value={expires}
                  onChange={(event) => setExpires(event.target.value as ShareExpiry)}
                  className="rounded-lg border border-neutral-300 bg-white px-2 py-1.5 dark:border-neutral-700 dark:bg-neutral-900"
                >
                  {SHARE_EXPIRIES.map((code) => (
                    <option key={code} value={code}>
                      {t(`expiry.${code}`)}
                    </option>
                  ))}
                </select>
              </label>
              <Button variant="primary" onClick={share} disabled={current.status === 'sending'}>
                {current.status === 'sending' ? t('creating') : t('create')}
              </Button>
            </div>
          )}
          {current.status === 'failed' && <ErrorMessage error={current.error} />}
        </section>
      )}
    </div>
  );
}
