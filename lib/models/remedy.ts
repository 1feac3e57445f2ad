/**
 * What to do about a model that cannot be loaded, as data: `model_unavailable` carries these details, and
 * each side words them for its reader (the UI in its language, the API and CLI in English).
 */

/**
 * Where models are loaded: on the server (from BITEXT_MODELS_DIR or the hub) or in a browser (from the
 * server's /models/, and the hub when `hub`). It decides what a reader must do about a missing one.
 */
export type ModelHost = { where: 'server' } | { where: 'browser'; hub: boolean };

export type ModelUnavailableDetails = {
  model: string;
  /** The download the registry states for the files this device loads (unknown for an ad-hoc model). */
  sizeMB?: number;
  /** The languages whose `models:pull` fetches the model (none for the summariser: every pull does). */
  languages: string[];
} & ModelHost;

/** The command that fetches the models of these languages; shown as is, since commands are not translated. */
export function pullCommand(languages: readonly string[]): string {
  return ['npm run models:pull', ...(languages.length > 0 ? ['--', ...languages] : [])].join(' ');
}

/** The English remedy, for API and CLI users. */
export function remedyText({ languages, ...host }: ModelUnavailableDetails): string {
  const pull = `\`${pullCommand(languages)}\``;
  if (host.where === 'server') {
    return `run ${pull} on a connected machine, or set BITEXT_MODELS_DIR to a folder that has the model`;
  }
  const serve = `run ${pull} on the server so it serves the model at /models/`;
  return host.hub ? `${serve}, or check that this browser can reach the model hub` : serve;
}

/** The details of a `model_unavailable` that came over the wire, checked rather than trusted. */
export function parseModelUnavailable(details: unknown): ModelUnavailableDetails | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { model, sizeMB, languages, where, hub } = details as Record<string, unknown>;
  if (typeof model !== 'string' || !(sizeMB === undefined || typeof sizeMB === 'number')) return undefined;
  if (!Array.isArray(languages) || !languages.every((l) => typeof l === 'string')) return undefined;
  const base = { model, sizeMB, languages: languages as string[] };
  if (where === 'server') return { ...base, where };
  if (where === 'browser' && typeof hub === 'boolean') return { ...base, where, hub };
  return undefined;
}
