'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';

import { responseError } from '@/hooks/wire-error';
import { toWireError, type WireError } from '@/lib/errors';
import { SHARE_CACHE_MINUTES } from '@/lib/http-cache';
import { sharePath, type MyShare } from '@/lib/share-links';
import { Button } from '../ui/button';
import { ErrorMessage } from '../workspace/error-message';
import { useMyShares } from './my-shares-store';

interface Props {
  /** The share this page shows, if any: deleting it re-renders the page, which then says it is gone. */
  current?: string;
}

/**
 * The links this browser created, each with a Delete button (asking once more, since a deleted link stops
 * working for everyone it was sent to). Renders nothing while the list is empty, unless the reader emptied
 * it here: then it says so, and keeps the focus. The focus always lands somewhere: on the question when
 * Delete asks, back on Delete after Keep, on the next link (or the heading) after deleting.
 */
export function MyShares({ current }: Props) {
  const t = useTranslations('MyShares');
  const format = useFormatter();
  const router = useRouter();
  const headingId = useId();
  const { shares, forget } = useMyShares();
  const [confirming, setConfirming] = useState<string>();
  const [deleting, setDeleting] = useState<string>();
  const [errors, setErrors] = useState<Record<string, WireError>>({});
  const [emptied, setEmptied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);

  if (shares.length === 0 && !emptied) return null;

  /** Focuses the control named `name` in the row of share `id`, once React has rendered it. */
  function focusLater(id: string | undefined, name: 'link' | 'delete' | 'confirm') {
    requestAnimationFrame(() => {
      const row = id && list.current?.querySelector(`[data-share="${CSS.escape(id)}"]`);
      const target = row ? row.querySelector<HTMLElement>(`[data-focus="${name}"]`) : heading.current;
      target?.focus();
    });
  }

  async function remove(share: MyShare) {
    setDeleting(share.id);
    try {
      const response = await fetch(`/api/v1/shares/${encodeURIComponent(share.id)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${share.token}` },
      });
      // 404: already gone (deleted from another tab, or expired and purged), so there is nothing left to do.
      if (!response.ok && response.status !== 404) throw await responseError(response);
      const index = shares.findIndex((s) => s.id === share.id);
      const next = shares[index + 1] ?? shares[index - 1];
      setEmptied(next === undefined);
      forget(share.id);
      focusLater(next?.id, 'link');
      if (share.id === current) router.refresh();
    } catch (error) {
      setErrors((all) => ({ ...all, [share.id]: toWireError(error) }));
      focusLater(share.id, 'delete');
    } finally {
      setDeleting(undefined);
      setConfirming(undefined);
    }
  }

  return (
    <section aria-labelledby={headingId} className="grid gap-3">
      <h2 ref={heading} id={headingId} tabIndex={-1} className="text-xl font-semibold tracking-tight">
        {t('heading')}
      </h2>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        {shares.length === 0 ? t('empty') : t('intro')}
      </p>
      <ul
        ref={list}
        className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
      >
        {shares.map((share) => (
          <li key={share.id} data-share={share.id} className="grid gap-2 p-3 text-sm">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <a
                data-focus="link"
                href={sharePath(share.id)}
                aria-current={share.id === current ? 'page' : undefined}
                className="min-w-0 flex-1 truncate font-medium text-blue-700 underline underline-offset-2 hover:no-underline dark:text-blue-300"
              >
                {share.title || t('untitled')}
              </a>
              <span className="text-neutral-600 dark:text-neutral-400">
                {t('created', {
                  date: format.dateTime(new Date(share.createdAt), { dateStyle: 'medium' }),
                })}
              </span>
              <span className="text-neutral-600 dark:text-neutral-400">
                {share.expiresAt
                  ? t('expires', {
                      date: format.dateTime(new Date(share.expiresAt), { dateStyle: 'medium' }),
                    })
                  : t('forever')}
              </span>
              {confirming === share.id ? (
                <span className="flex flex-wrap items-center gap-2">
                  <span>{t('confirm', { minutes: SHARE_CACHE_MINUTES })}</span>
                  <Button
                    data-focus="confirm"
                    size="sm"
                    onClick={() => remove(share)}
                    disabled={deleting === share.id}
                    className="border-red-300 text-red-800 dark:border-red-800 dark:text-red-200"
                  >
                    {t('confirmDelete')}
                  </Button>
                  <Button
                    size="sm"
                    variant="quiet"
                    onClick={() => {
                      setConfirming(undefined);
                      focusLater(share.id, 'delete');
                    }}
                  >
                    {t('keep')}
                  </Button>
                </span>
              ) : (
                <Button
                  data-focus="delete"
                  size="sm"
                  onClick={() => {
                    setConfirming(share.id);
                    focusLater(share.id, 'confirm');
                  }}
                  aria-label={t('delete', { title: share.title || t('untitled') })}
                >
                  {t('deleteShort')}
                </Button>
              )}
            </div>
            {errors[share.id] && <ErrorMessage error={errors[share.id]!} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
