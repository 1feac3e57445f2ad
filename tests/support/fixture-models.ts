import { readFileSync } from 'node:fs';
import { env } from '@huggingface/transformers';
import { defaultFixturesRoot } from '@/scripts/fixtures/generate-fixtures';
import type { PipelineContext } from '@/lib/pipeline/context';

/**
 * Point transformers.js at the fixture models (made by the global setup), as the server engine does
 * under BITEXT_MODEL_PROFILE=fixtures, for tests that drive lib/pipeline directly.
 */
export function configureFixtureModels(): PipelineContext {
  env.localModelPath = defaultFixturesRoot();
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  return { profile: 'fixtures', device: 'cpu' };
}

export function readArticle(name: string): string {
  return readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');
}

/** Share of letters in a Unicode script, e.g. scriptShare(text, 'Cyrillic'). */
export function scriptShare(text: string, script: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  const inScript = text.match(new RegExp(`\\p{Script=${script}}`, 'gu')) ?? [];
  return letters.length === 0 ? 0 : inScript.length / letters.length;
}
