import "server-only";

/**
 * Callbacks turned into something to iterate: what is pushed waits in order until read,
 * `close` ends the iteration once the rest is read, `fail` throws there. `drain` takes what
 * is waiting without waiting for more (to interleave it with other work).
 */
export interface Channel<T> extends AsyncIterable<T> {
  push(item: T): void;
  close(): void;
  fail(error: unknown): void;
  drain(): T[];
}

export function createChannel<T>(): Channel<T> {
  let queue: T[] = [];
  let ended: { error?: Error } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  return {
    push(item) {
      if (ended) return;
      queue.push(item);
      notify();
    },
    close() {
      ended ??= {};
      notify();
    },
    fail(error) {
      ended ??= { error: error instanceof Error ? error : new Error(String(error)) };
      notify();
    },
    drain() {
      const out = queue;
      queue = [];
      return out;
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (queue.length > 0) {
          yield* this.drain();
          continue;
        }
        if (ended) {
          if (ended.error !== undefined) throw ended.error;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
