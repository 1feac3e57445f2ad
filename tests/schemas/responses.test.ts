import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { digest, type DigestPartial } from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';
import {
  detectResponse,
  digestPartial,
  digestResult,
  jobResponse,
  parseAnswer,
  progressEvent,
} from '@/lib/schemas/responses';
import { detectLanguage } from '@/lib/detect';
import { configureFixtureModels, readArticle } from '../support/fixture-models';

const context = configureFixtureModels();
const seed = readArticle('en-sana-lavrov.txt');

/** What a client gets: the value after a trip through JSON. */
const overTheWire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('response schemas', () => {
  it('read back exactly what the API sends: a real digest, its events, its job and a detection', async () => {
    const events: ProgressEvent[] = [];
    const partials: DigestPartial[] = [];
    const result = await digest(
      {
        text: seed,
        targets: ['ru', 'ar'],
        summary: { mode: 'abstractive', type: 'tldr', length: 'short' },
        translate: 'both',
      },
      { ...context, onProgress: (event) => events.push(event) },
      (partial) => partials.push(partial),
    );
    // A failed language (ar has no model) and a summary made by a model: every optional part is there.
    expect(result.translations.ar?.error?.code).toBe('model_unavailable');
    expect(parseAnswer(digestResult, overTheWire(result))).toEqual(overTheWire(result));
    for (const event of events) expect(parseAnswer(progressEvent, overTheWire(event))).toEqual(event);
    for (const partial of partials)
      expect(parseAnswer(digestPartial, overTheWire(partial))).toEqual(overTheWire(partial));
    const job = { id: 'j1', status: 'done', result };
    expect(parseAnswer(jobResponse, overTheWire(job))).toEqual(overTheWire(job));
    const detection = detectLanguage(seed);
    expect(parseAnswer(detectResponse, overTheWire(detection))).toEqual(detection);
  });

  it.each<[string, z.ZodMiniType<unknown>, unknown, string]>([
    ['a job without its id', jobResponse, { status: 'done' }, 'id'],
    ['an unknown job status', jobResponse, { id: 'j1', status: 'paused' }, 'status'],
    ['a result whose sentences are strings', digestResult, { language: 'en', sentences: ['a'] }, 'sentences'],
    [
      'progress with a count as text',
      progressEvent,
      { type: 'step', task: 'translate', done: '1', total: 2 },
      'done',
    ],
    [
      'a detection of a language we do not have',
      detectResponse,
      { language: 'xx', confidence: 1, alternatives: [] },
      'language',
    ],
  ])('refuse %s with an `internal` error naming the field', (_, schema, answer, field) => {
    let refusal: unknown;
    try {
      parseAnswer(schema, answer);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'internal', message: expect.stringContaining(field) });
  });
});
