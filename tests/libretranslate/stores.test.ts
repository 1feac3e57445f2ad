import { describe, expect, it } from 'vitest';
import { parseRate } from '@/lib/libretranslate/keys';

// The key and file stores themselves run in the store contract suite (tests/store/contract.test.ts), on
// every adapter.
describe('API keys', () => {
  it('parse rates per minute or per second, and nothing else', () => {
    expect(parseRate('120/min')).toBe(120);
    expect(parseRate('2/s')).toBe(120);
    expect(parseRate('0/min')).toBe(0);
    for (const bad of ['fast', '120', '1/hour', '-1/min']) expect(() => parseRate(bad)).toThrow(/rate/);
  });
});
