import "server-only";

/**
 * The governor's rolling window of request starts, and its fair share: which queued request
 * goes next when one caller already holds half the window's starts while others wait.
 */

export interface Queued {
  owner: string;
}

export interface StartWindow {
  /** A request started at `at` for `owner`. */
  record(at: number, owner: string): void;
  /** How long from `at` until another start fits the window (0 = now). */
  wait(at: number): number;
  /** Starts inside the window ending at `at`. */
  size(at: number): number;
  /**
   * The queue's head, unless its caller already holds the fair share while someone else
   * waits: then the first waiting request of a caller below that share.
   */
  next<E extends Queued>(queue: readonly E[], at: number): E | undefined;
}

export function createStartWindow(limit: number, windowMs: number): StartWindow {
  // Half the window, for one caller while others wait (at least one, for tiny budgets).
  const fairShare = Math.max(1, Math.floor(limit / 2));
  const starts: { at: number; owner: string }[] = [];

  function prune(at: number) {
    while (starts.length > 0 && (starts[0]?.at ?? 0) <= at - windowMs) starts.shift();
  }
  const holds = (owner: string) => starts.filter((s) => s.owner === owner).length;

  return {
    record: (at, owner) => void starts.push({ at, owner }),
    wait(at) {
      prune(at);
      if (starts.length < limit) return 0;
      return (starts[starts.length - limit]?.at ?? at) + windowMs - at;
    },
    size(at) {
      prune(at);
      return starts.length;
    },
    next(queue, at) {
      const head = queue[0];
      if (!head) return undefined;
      prune(at);
      if (holds(head.owner) < fairShare) return head;
      return queue.find((e) => e.owner !== head.owner && holds(e.owner) < fairShare) ?? head;
    },
  };
}
