import type { MarianTokenizer } from '@huggingface/transformers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translationRoute } from '@/lib/models/registry';
import { loadModel } from '@/lib/pipeline/load';
import { configureFixtureModels } from '../support/fixture-models';

/**
 * transformers.js 3.8.1's MarianTokenizer lists its language tokens with a stateful `/g` regex, which skips
 * every token that follows a match in the vocabulary; translit-zh has opus-mt-en-zh's two side by side.
 */
const { device } = configureFixtureModels();
const [leg] = translationRoute('fixtures', 'en', 'zh-Hans')!;

afterEach(() => vi.restoreAllMocks());

describe('a Marian model loaded for translation', () => {
  it('knows every language token of its vocabulary, says nothing of the fast tokenizers, and encodes each as the vocabulary does', async () => {
    const warn = vi.spyOn(console, 'warn');
    const { tokenizer } = await loadModel(leg!.model, { device });
    const marian = tokenizer as MarianTokenizer;
    expect(marian.supported_language_codes).toEqual(['>>cmn_Hans<<', '>>cmn_Hant<<']);

    for (const code of ['>>cmn_Hans<<', '>>cmn_Hant<<']) {
      const [first] = tokenizer.encode(`${code} Moscow, SANA.`);
      expect(first).toBe(tokenizer.model.tokens_to_ids.get(code));
    }
    const said = warn.mock.calls.map((args) => String(args[0]));
    expect(said.filter((line) => /Unsupported language code|fast" tokenizers/.test(line))).toEqual([]);
  });
});
