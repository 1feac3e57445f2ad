import { describe, expect, it } from 'vitest';
import { processGlobal } from '@/lib/process-global';

describe('processGlobal', () => {
  it('makes the value once, and every holder of the name (another bundle, a reloaded module) shares it', () => {
    let made = 0;
    const create = () => ({ made: ++made });
    const first = processGlobal('test.shared', create);
    const reloaded = processGlobal('test.shared', create);
    expect(first.peek()).toBeUndefined();
    const value = first.get();
    expect(reloaded.get()).toBe(value);
    expect(first.get()).toBe(value);
    expect(made).toBe(1);
  });

  it('forgets the value on clear, so the next get makes a new one', () => {
    const connection = processGlobal('test.cleared', () => ({ open: true }));
    const before = connection.get();
    connection.clear();
    expect(connection.peek()).toBeUndefined();
    expect(connection.get()).not.toBe(before);
  });
});
