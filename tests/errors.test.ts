import { describe, expect, it, vi } from 'vitest';
import { BitextError, CANCELLED, toWireError } from '@/lib/errors';

describe('toWireError', () => {
  it('keeps a BitextError’s code, message and details', () => {
    const error = new BitextError('model_unavailable', 'Model x could not be loaded.', { model: 'x' });
    expect(toWireError(error)).toEqual({
      code: 'model_unavailable',
      message: 'Model x could not be loaded.',
      details: { model: 'x' },
    });
  });

  it('passes on an error that already crossed the wire (the API’s or the worker’s), details and all', () => {
    const wire = { code: 'queue_full', message: 'Busy.', details: { retryAfter: 3 } };
    expect(toWireError(wire)).toEqual(wire);
    expect(toWireError({ code: 'cancelled', message: 'Stopped.' })).toEqual({
      code: 'cancelled',
      message: 'Stopped.',
    });
  });

  it('turns anything else into `internal` without passing its text on, and logs it', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new TypeError('secret is undefined');
    expect(toWireError(bug)).toEqual({ code: 'internal', message: 'Something went wrong on our side.' });
    // A look-alike whose code is not ours is not trusted either.
    expect(toWireError({ code: 'EACCES', message: 'permission denied' }).code).toBe('internal');
    expect(log).toHaveBeenCalledWith('Unexpected error', bug);
    log.mockRestore();
  });

  it('has one way to say a run was cancelled', () => {
    expect(CANCELLED).toEqual({ code: 'cancelled', message: 'The run was cancelled.' });
  });
});
