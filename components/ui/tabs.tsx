import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';

export interface TabItem {
  id: string;
  /** The tab's accessible name. */
  label: string;
  /** A small mark after the label (progress, done, failed); hidden from assistive tech, which reads the panel. */
  status?: ReactNode;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

interface ListProps {
  label: string;
  prefix: string;
  tabs: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  className?: string;
}

/**
 * WAI-ARIA tabs with automatic activation: switching only shows what is already there, so following focus
 * costs nothing. Arrow keys move between tabs (mirrored right-to-left), Home and End jump to the ends.
 */
export function TabList({ label, prefix, tabs, selected, onSelect, className = '' }: ListProps) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = (index + step + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = next === undefined ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    document.getElementById(tabId(prefix, tab.id))?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={label}
      onKeyDown={onKeyDown}
      className={`flex flex-wrap gap-1 ${className}`}
    >
      {tabs.map((tab) => {
        const active = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(prefix, tab.id)}
            aria-selected={active}
            aria-controls={panelId(prefix, tab.id)}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm text-neutral-700 transition-colors hover:bg-neutral-100 hover:text-neutral-950 aria-selected:bg-blue-50 aria-selected:font-semibold aria-selected:text-blue-800 dark:text-neutral-300 dark:hover:bg-neutral-800 dark:hover:text-white dark:aria-selected:bg-blue-400/15 dark:aria-selected:text-blue-200"
          >
            <span>{tab.label}</span>
            {tab.status && <span aria-hidden="true">{tab.status}</span>}
          </button>
        );
      })}
    </div>
  );
}

interface PanelProps extends HTMLAttributes<HTMLDivElement> {
  prefix: string;
  id: string;
}

/** In the Tab order itself, as the APG suggests, since a panel may hold no focusable element. */
export function TabPanel({ prefix, id, ...props }: PanelProps) {
  return (
    <div
      role="tabpanel"
      id={panelId(prefix, id)}
      aria-labelledby={tabId(prefix, id)}
      tabIndex={0}
      {...props}
    />
  );
}
