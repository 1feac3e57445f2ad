import { describe, expect, it } from 'vitest';
import { summarizeText } from '@/lib/pipeline/tasks';
import { SUMMARY_LENGTHS } from '@/lib/summarize/options';
import { configureFixtureModels, readArticle } from '../support/fixture-models';

/**
 * The fixture summariser is held to distilbart's generation_config (min_length 56, max_length 142): a
 * summary that may not end where it wants to goes on, and stops mid-sentence where its budget runs out.
 */
const context = configureFixtureModels();
const seed = readArticle('en-sana-lavrov.txt');

const INPUTS = {
  'a 1-sentence article': 'Lavrov said the talks would go on.',
  'a short input': 'Lavrov spoke in Moscow. The talks go on.',
  'a medium input': [
    'Lavrov spoke in Moscow on Monday.',
    'The talks go on.',
    'Russia works with the US on the Geneva track.',
    'Turkey has not given up.',
    'The envoy wants the Kurds in the dialogue.',
  ].join(' '),
  'a long input': seed,
};

// A finished sentence ends in a full stop (or another end mark, maybe inside quotes or brackets).
const FINISHED = /[.!?]["'”’»)]*$/u;

describe('abstractive summaries', () => {
  for (const [name, text] of Object.entries(INPUTS)) {
    for (const length of SUMMARY_LENGTHS) {
      it(`of ${name} (${length}) end every sentence they give`, async () => {
        const summary = await summarizeText(
          text,
          { mode: 'abstractive', type: 'key-points', length, language: 'en' },
          context,
        );
        expect(summary.sentences.length).toBeGreaterThan(0);
        for (const { text: sentence } of summary.sentences) {
          expect(sentence).toMatch(FINISHED);
          // The fixture writes what it read (upper-cased): a finished sentence of its input.
          expect(text.toUpperCase().replace(/\s+/g, ' ')).toContain(sentence);
        }
      });
    }
  }
});
