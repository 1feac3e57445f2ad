/**
 * A push-to-pull bridge: callbacks (a listener on the in-process queue, QueueEvents from Redis) push values,
 * one consumer pulls them with `for await`. Values pushed before the consumer asks are buffered in order.
 * The iteration ends after `end()` (once the buffer is drained) or at once when `signal` aborts.
 */
export class Channel<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.end(), { once: true });
  }

  push(value: T): void {
    if (this.ended) return;
    this.buffer.push(value);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.signal.aborted) return;
      const value = this.buffer.shift();
      if (value !== undefined) {
        yield value;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
