import { describe, expect, it } from 'vitest';
import { partsOf, reduceDigest, type DigestState } from '@/hooks/use-digest';
import { CANCELLED } from '@/lib/errors';
import type { DigestRequest, DigestResult, LanguageResult } from '@/lib/pipeline/digest';
import type { SummaryResult } from '@/lib/summarize';

const request: DigestRequest = {
  text: 'Ministers met in Geneva. They agreed to meet again.',
  targets: ['ru', 'hi'],
  summary: { mode: 'extractive', type: 'key-points', length: 'short' },
  translate: 'summary',
};
const summary = (text: string): SummaryResult => ({
  mode: 'extractive',
  text,
  sentences: [{ text, sources: [0] }],
});
const language = (text: string): LanguageResult => ({ models: ['m'], summary: { text, sentences: [] } });

function running(): DigestState {
  return reduceDigest(
    { status: 'idle', run: 0 },
    { type: 'start', run: 1, engine: 'server', request, at: 1_000 },
  );
}

describe('digest state', () => {
  it('a finished run shows its result’s parts, not the partials that came before it', () => {
    let state = running();
    state = reduceDigest(state, {
      type: 'partial',
      run: 1,
      partial: { part: 'summary', summary: summary('early') },
    });
    state = reduceDigest(state, {
      type: 'partial',
      run: 1,
      partial: { part: 'translation', language: 'ru', result: language('early') },
    });
    const result: DigestResult = {
      language: 'en',
      removed: [],
      sentences: [],
      summary: summary('final'),
      translations: { ru: language('final'), hi: language('final') },
    };
    state = reduceDigest(state, { type: 'done', run: 1, result, at: 1_250 });

    expect(state).toEqual({ status: 'done', run: 1, engine: 'server', request, result, elapsed: 250 });
    if (state.status !== 'done') throw new Error('not done');
    expect(partsOf(state).summary).toBe(result.summary);
    expect(partsOf(state).translations).toBe(result.translations);
  });

  it('a cancelled run keeps what arrived, and ignores what its engine still sends', () => {
    let state = running();
    const ru = language('ru');
    state = reduceDigest(state, {
      type: 'partial',
      run: 1,
      partial: { part: 'translation', language: 'ru', result: ru },
    });
    state = reduceDigest(state, { type: 'failed', run: 1, error: CANCELLED });
    state = reduceDigest(state, {
      type: 'partial',
      run: 1,
      partial: { part: 'translation', language: 'hi', result: language('hi') },
    });
    expect(state).toEqual({
      status: 'cancelled',
      run: 1,
      engine: 'server',
      request,
      parts: { translations: { ru } },
    });
  });

  it('a failed run carries its error beside what arrived; a later run starts clean', () => {
    let state = running();
    state = reduceDigest(state, {
      type: 'progress',
      run: 1,
      event: { type: 'step', task: 'summarize', done: 1, total: 2 },
    });
    const error = { code: 'internal', message: 'Lost the connection to the server.' } as const;
    state = reduceDigest(state, { type: 'failed', run: 1, error });
    expect(state).toMatchObject({ status: 'failed', error, parts: { translations: {} } });
    state = reduceDigest(state, { type: 'start', run: 2, engine: 'browser', request, at: 5_000 });
    expect(state).toEqual({
      status: 'running',
      run: 2,
      engine: 'browser',
      request,
      startedAt: 5_000,
      parts: { translations: {} },
      activity: { downloads: {}, translating: {} },
    });
  });

  it('a server job restarted on another worker drops what arrived and says so, then fills in again', () => {
    let state = running();
    state = reduceDigest(state, {
      type: 'partial',
      run: 1,
      partial: { part: 'summary', summary: summary('first attempt') },
    });
    state = reduceDigest(state, {
      type: 'progress',
      run: 1,
      event: { type: 'step', task: 'translate', language: 'ru', done: 3, total: 9 },
    });
    // The action as the server run's `restarted` event dispatches it (a new kind of action: cast until then).
    state = reduceDigest(state, { type: 'restarted', run: 1 } as unknown as Parameters<
      typeof reduceDigest
    >[1]);
    expect(state).toMatchObject({
      status: 'running',
      restarted: true,
      parts: { translations: {} },
      activity: { downloads: {}, translating: {} },
    });
    state = reduceDigest(state, {
      type: 'partial',
      run: 1,
      partial: { part: 'summary', summary: summary('second attempt') },
    });
    expect(state).toMatchObject({ restarted: true, parts: { summary: summary('second attempt') } });
  });
});
