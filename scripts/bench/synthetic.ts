/**
 * The synthetic models the benchmarks run on (scripts/fixtures/synthetic-marian.ts), made on first use, and
 * registry-like specs for them so the benchmarks go through the project's own load and translate code.
 */
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import type { Dtype, ModelSpec, ModelTask } from '@/lib/models/registry';
import { readEnv } from '@/lib/server/env';
import {
  ensureSyntheticModel,
  SYNTHETIC_SUMMARIZER,
  SYNTHETIC_TRANSLATOR,
  syntheticModelId,
  syntheticRoot,
} from '@/scripts/fixtures/synthetic-marian';

export interface SyntheticModels {
  /** The folder set as `env.localModelPath`. */
  root: string;
  translatorId: string;
  summarizerId: string;
}

/** Generates whichever synthetic model is missing (about 20 s for both) and points transformers.js at them. */
export async function prepareSyntheticModels(log: (line: string) => void): Promise<SyntheticModels> {
  const root = syntheticRoot(readEnv().dataDir);
  for (const spec of [SYNTHETIC_TRANSLATOR, SYNTHETIC_SUMMARIZER]) {
    const started = performance.now();
    const { id, written } = await ensureSyntheticModel(root, spec);
    if (written)
      log(`generated ${path.join(root, id)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  configureSyntheticModels(root);
  return {
    root,
    translatorId: syntheticModelId(SYNTHETIC_TRANSLATOR),
    summarizerId: syntheticModelId(SYNTHETIC_SUMMARIZER),
  };
}

/** The benchmark's entry-point configuration of transformers.js: local synthetic models only. */
export function configureSyntheticModels(root: string): void {
  env.localModelPath = root;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
}

/**
 * More ids for the same model folder (symlinks next to it), so that several sessions of it load side by
 * side the way several language pairs would.
 */
export async function aliasModel(root: string, id: string, count: number): Promise<string[]> {
  const aliases = Array.from({ length: count }, (_, i) => `${id}-copy-${i + 1}`);
  for (const alias of aliases) {
    await symlink(path.basename(id), path.join(root, alias), 'dir').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  return aliases;
}

/** What the registry would say about a synthetic model (opus-mt's input budget). */
export function syntheticSpec(id: string, task: ModelTask, dtype: Dtype): ModelSpec {
  return {
    id,
    task,
    architecture: 'marian',
    dtype: { cpu: dtype, wasm: dtype, webgpu: dtype },
    // Only shown in model_unavailable messages, which a generated model never produces.
    sizeMB: {},
    license: 'MIT',
    maxInputTokens: 512,
  };
}
