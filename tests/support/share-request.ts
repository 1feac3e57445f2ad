import { digest } from '@/lib/pipeline/digest';
import { toShareRequest } from '@/lib/schemas/share';
import { configureFixtureModels, readArticle } from './fixture-models';

/** A share request for the seed article, made from a real digest with the fixture models. */
export async function seedShareRequest() {
  const text = readArticle('en-sana-lavrov.txt');
  const options = {
    summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
    translate: 'both',
  } as const;
  const result = await digest(
    { text, targets: ['ru', 'zh-Hans', 'hi'], ...options },
    configureFixtureModels(),
  );
  return toShareRequest(text, result, options);
}
