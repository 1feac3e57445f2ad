/**
 * `models:verify`, the check a connected machine runs on the registry: every file each model needs is on
 * the hub with the size the registry states, then the model loads (from the hub) and translates or
 * summarises canary texts, and its output passes the checks a person would make (lib/pipeline/canary-checks).
 */
import { env } from '@huggingface/transformers';
import {
  modelFiles,
  summarizerModel,
  translationRoute,
  type Device,
  type ModelPolicy,
  type ModelProfile,
  type ModelSpec,
  type TranslationLeg,
} from '@/lib/models/registry';
import type { LanguageCode } from '@/lib/langs';
import { checkSummary, checkTranslation, type CanaryCheck } from '@/lib/pipeline/canary-checks';
import { loadModel } from '@/lib/pipeline/load';
import { translateSentences } from '@/lib/pipeline/translate';
import { summarizeAbstractive } from '@/lib/summarize/abstractive';
import { canaryTexts } from './canaries';
import { dtypesFor, fileUrl } from './pull';

/** One model to verify; a translator with the leg it serves (its languages and target token). */
export interface VerifyTarget {
  model: ModelSpec;
  leg?: TranslationLeg;
}

export interface VerifyRow {
  model: string;
  files: { ok: number; total: number };
  /** What is wrong with the files: missing ones, sizes that differ from the registry's. */
  problems: string[];
  loadMs?: number;
  tokensPerSecond?: number;
  checks: (CanaryCheck & { canary: number })[];
  /** The model could not be loaded or run. */
  error?: string;
  ok: boolean;
}

export interface VerifyOptions {
  /** The registry profile the targets come from (it names the summariser). */
  profile: ModelProfile;
  hubUrl: string;
  /** Where transformers.js caches what it downloads. */
  cacheDir: string;
  /** Devices whose files are checked on the hub (the CPU's always; runs are on the CPU). */
  devices?: readonly Device[];
}

/** Every distinct model for translating between English and `languages`, each with one leg it serves. */
export function verifyTargets(
  profile: ModelProfile,
  languages: readonly LanguageCode[],
  policy: ModelPolicy = {},
): VerifyTarget[] {
  const targets = new Map<string, VerifyTarget>();
  targets.set(summarizerModel(profile).id, { model: summarizerModel(profile) });
  for (const language of languages) {
    for (const [source, target] of [
      ['en', language],
      [language, 'en'],
    ] as const) {
      for (const leg of translationRoute(profile, source, target, policy) ?? []) {
        if (!targets.has(leg.model.id)) targets.set(leg.model.id, { model: leg.model, leg });
      }
    }
  }
  return [...targets.values()];
}

/**
 * The registry states sizes in MB with a decimal or none, and estimates tokenizer.json for some models:
 * a size within 3% (at least 0.1 MB) of the stated one is the stated one.
 */
function sizeMatches(bytes: number, statedMB: number): boolean {
  return Math.abs(bytes / 1e6 - statedMB) <= Math.max(0.03 * statedMB, 0.1);
}

/** The file's size at the hub: HEAD (redirects followed), else a one-byte range; undefined if it is not there. */
async function hubSize(url: string): Promise<number | undefined> {
  const head = await fetch(url, { method: 'HEAD', redirect: 'follow' });
  const length = Number(head.headers.get('content-length'));
  if (head.ok && Number.isFinite(length) && length > 0) return length;
  if (head.status === 404) return undefined;
  const ranged = await fetch(url, { headers: { Range: 'bytes=0-0' }, redirect: 'follow' });
  await ranged.body?.cancel();
  const total = Number(/\/(\d+)$/.exec(ranged.headers.get('content-range') ?? '')?.[1]);
  return ranged.status === 206 && total > 0 ? total : undefined;
}

async function checkFiles(target: VerifyTarget, options: VerifyOptions): Promise<Pick<VerifyRow, 'files' | 'problems'>> {
  const { model } = target;
  const problems: string[] = [];
  const sizes = new Map<string, number | undefined>();
  const dtypes = dtypesFor(model, options.devices);
  for (const file of new Set(dtypes.flatMap((dtype) => modelFiles(model, dtype)))) {
    const size = await hubSize(fileUrl(options.hubUrl, model.id, file)).catch(() => undefined);
    sizes.set(file, size);
    if (size === undefined) problems.push(`${file}: not on the hub`);
  }
  for (const dtype of dtypes) {
    const stated = model.sizeMB[dtype];
    const files = modelFiles(model, dtype);
    if (stated === undefined || files.some((file) => sizes.get(file) === undefined)) continue;
    const bytes = files.reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
    if (!sizeMatches(bytes, stated)) {
      problems.push(`${dtype}: ${(bytes / 1e6).toFixed(1)} MB on the hub, the registry says ${stated} MB`);
    }
  }
  const present = [...sizes.values()].filter((size) => size !== undefined).length;
  return { files: { ok: present, total: sizes.size }, problems };
}

/** Loads the model from the hub and runs its canaries: load time, output tokens per second, checks. */
async function runCanaries(
  target: VerifyTarget,
  profile: ModelProfile,
): Promise<Pick<VerifyRow, 'loadMs' | 'tokensPerSecond' | 'checks'>> {
  const { model, leg } = target;
  const context = { profile, device: 'cpu' as const };
  const started = performance.now();
  const pipeline = await loadModel(model, context);
  const loadMs = Math.round(performance.now() - started);
  const source = leg?.source ?? 'en';
  const inputs = canaryTexts(source);

  const ran = performance.now();
  let outputs: string[];
  let checks: CanaryCheck[][];
  if (leg) {
    outputs = (await translateSentences(inputs, [leg], context)).map((t) => t.text);
    checks = inputs.map((input, i) => checkTranslation(input, outputs[i] ?? '', leg));
  } else {
    outputs = [];
    for (const input of inputs) {
      const summary = await summarizeAbstractive(
        [input],
        { language: 'en', type: 'tldr', length: 'short' },
        context,
      );
      outputs.push(summary.text);
    }
    checks = inputs.map((input, i) => checkSummary(input, outputs[i] ?? '', 'en'));
  }
  const seconds = (performance.now() - ran) / 1000;
  const tokens = outputs.reduce((sum, text) => sum + pipeline.tokenizer.encode(text).length, 0);
  return {
    loadMs,
    tokensPerSecond: Math.round(tokens / seconds),
    checks: checks.flatMap((list, canary) => list.map((check) => ({ ...check, canary }))),
  };
}

/** Verifies each target in turn; a model whose files are missing is not loaded. */
export async function verifyModels(targets: readonly VerifyTarget[], options: VerifyOptions): Promise<VerifyRow[]> {
  // Only the hub: a local copy would hide a file missing there.
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = options.hubUrl;
  env.cacheDir = options.cacheDir;
  const rows: VerifyRow[] = [];
  for (const target of targets) {
    const files = await checkFiles(target, options);
    const row: VerifyRow = { model: target.model.id, ...files, checks: [], ok: false };
    if (files.files.ok === files.files.total) {
      try {
        Object.assign(row, await runCanaries(target, options.profile));
      } catch (error) {
        row.error = error instanceof Error ? error.message : String(error);
      }
    }
    row.ok = files.problems.length === 0 && !row.error && row.checks.length > 0 && row.checks.every((c) => c.ok);
    rows.push(row);
  }
  return rows;
}

/** The table `models:verify` prints, then what failed, row by row. */
export function formatTable(rows: readonly VerifyRow[]): string {
  const cells = rows.map((row) => [
    row.model,
    `${row.files.ok}/${row.files.total}${row.problems.length ? ' ✗' : ''}`,
    row.loadMs === undefined ? '–' : String(row.loadMs),
    row.tokensPerSecond === undefined ? '–' : String(row.tokensPerSecond),
    row.ok ? 'ok' : `FAIL (${row.checks.filter((c) => !c.ok).length || row.problems.length || 1})`,
  ]);
  const header = ['model', 'files ok', 'load ms', 'tokens/s', 'checks'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join('  ').trimEnd();
  const failures = rows.flatMap((row) => [
    ...row.problems.map((problem) => `${row.model}: ${problem}`),
    ...(row.error ? [`${row.model}: ${row.error}`] : []),
    ...row.checks.filter((c) => !c.ok).map((c) => `${row.model}: canary ${c.canary + 1}: ${c.name} (${c.detail})`),
  ]);
  return [line(header), ...cells.map(line), ...(failures.length ? ['', ...failures] : [])].join('\n');
}
