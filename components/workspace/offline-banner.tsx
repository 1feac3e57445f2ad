import { useTranslations } from 'next-intl';

/**
 * The ids of the banner's reasons, so that each control that needs the network names its reason as its
 * description (aria-describedby) while it is disabled. One banner per page: the workspace's.
 */
export const OFFLINE_REASON = {
  server: 'offline-reason-server',
  import: 'offline-reason-import',
  share: 'offline-reason-share',
} as const;

const REASONS = Object.keys(OFFLINE_REASON) as (keyof typeof OFFLINE_REASON)[];

/**
 * Offline, the workspace says so: what still runs, and why what needs the server is disabled. The live region
 * stays on the page, empty while online, so that going offline is announced.
 */
export function OfflineBanner({ offline }: { offline: boolean }) {
  const t = useTranslations('OfflineBanner');
  return (
    <div
      role="status"
      className="grid gap-1 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 empty:hidden dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
    >
      {offline && (
        <>
          <p className="font-medium">{t('message')}</p>
          <ul className="list-disc ps-5">
            {REASONS.map((reason) => (
              <li key={reason} id={OFFLINE_REASON[reason]}>
                {t(reason)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
