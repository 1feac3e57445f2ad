import 'server-only';
import { createHash } from 'node:crypto';

import { processGlobal } from '@/lib/process-global';
import { workerSettings } from './engine';
import { listLanguages } from './languages';

/** The `<meta name>` that carries the key in the workspace's HTML. */
export const WORKSPACE_KEY_META = 'bitext-workspace';

const key = processGlobal('workspace-key', () =>
  createHash('sha256')
    .update(JSON.stringify([workerSettings(), listLanguages()]))
    .digest('base64url')
    .slice(0, 22),
);

/**
 * A digest of everything the workspace's HTML takes from the server's settings: what it hands the browser
 * worker and the languages it lists. The same at build time and at run time means the prerendered page is
 * right for this server. (Settings are read once per process.)
 */
export function workspaceKey(): string {
  return key.get();
}
