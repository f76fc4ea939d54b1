import "server-only";

import {
  isTransientUpstreamError,
  isUpstreamError,
  UpstreamError,
} from "@/lib/voicenter/cdr-api-errors";

import type { BudgetLedger, UpstreamPurpose } from "./budget-ledger";
import { createStartWindow } from "./governor-window";

/**
 * Keeps this process inside the upstream's request budget (30 a minute per account, shared
 * by every user): at most `rateLimitPerMinute` request starts in any rolling window, at most
 * `maxConcurrent` in flight, first come first served — except that one caller (`owner`)
 * holding half the window's starts lets any other waiting caller go first. Requests refused
 * with ERROR_NUMBER 1 pause the whole queue and are retried after about 5 s (the vendor's
 * hint), doubling up to a minute, until they get through or their deadline; transient
 * failures are retried a couple of times. Time is injected (`now`, `sleep`) so tests run on
 * a fake clock. With a `ledger`, each start is also claimed there first: the budget shared
 * with other instances (and the backfill's share of it).
 */

export type FailureClass = "rate-limited" | "transient" | "fatal";

export interface GovernorOptions {
  rateLimitPerMinute: number;
  /** Rolling window; a little over a minute so network jitter cannot put 31 in the upstream's. */
  windowMs?: number;
  maxConcurrent?: number;
  /** Retries after ERROR_NUMBER 1 (so attempts = 1 + this), unless a deadline comes first. */
  maxRateLimitRetries?: number;
  /** First back-off after ERROR_NUMBER 1; doubles on each further refusal… */
  rateLimitBackoffMs?: number;
  /** …up to this. */
  maxRateLimitBackoffMs?: number;
  maxTransientRetries?: number;
  transientBackoffMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  classify?: (error: unknown) => FailureClass;
  /** The shared budget, asked before every start (lib/server/budget-ledger.ts). */
  ledger?: BudgetLedger;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** If an attempt could not start by this instant (epoch ms), fail instead of waiting. */
  notAfter?: number;
  /** Called when an attempt is sent upstream (first try and every retry). */
  onAttempt?: () => void;
  /**
   * Who the request is for — an opaque key (a user, a token, a peer address; see
   * lib/server/caller-key.ts) — for the fair share. Requests without one share one key.
   */
  owner?: string;
  /** What the request is for, for the shared budget's shares (default interactive). */
  purpose?: UpstreamPurpose;
}

export interface GovernorStats {
  /** Requests sent upstream, retries included. */
  requests: number;
  /** Times the queue had to wait for the budget, a back-off, or a pause. */
  waits: number;
  waitedMs: number;
  retries: number;
  rateLimitedAnswers: number;
  queued: number;
  inFlight: number;
  /** Request starts inside the current rolling window. */
  inWindow: number;
}

export interface Governor {
  run<T>(task: (signal?: AbortSignal) => Promise<T>, opts?: RunOptions): Promise<T>;
  stats(): GovernorStats;
  /** How long until the budget lets another request start (0 = now). */
  retryAfterMs(): number;
}

interface Entry {
  seq: number;
  owner: string;
  task: (signal?: AbortSignal) => Promise<unknown>;
  opts: RunOptions;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  notBefore: number;
  rateRetries: number;
  transientRetries: number;
}

function defaultClassify(error: unknown): FailureClass {
  if (isUpstreamError(error) && error.kind === "rate-limited") return "rate-limited";
  return isTransientUpstreamError(error) ? "transient" : "fatal";
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGovernor(options: GovernorOptions): Governor {
  const limit = Math.max(1, Math.floor(options.rateLimitPerMinute));
  const windowMs = options.windowMs ?? 61_000;
  const maxConcurrent = options.maxConcurrent ?? 4;
  const maxRateRetries = options.maxRateLimitRetries ?? 8;
  const rateBackoff = options.rateLimitBackoffMs ?? 5_000;
  const maxRateBackoff = options.maxRateLimitBackoffMs ?? 60_000;
  const maxTransientRetries = options.maxTransientRetries ?? 2;
  const transientBackoff = options.transientBackoffMs ?? 1_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const classify = options.classify ?? defaultClassify;

  const startWindow = createStartWindow(limit, windowMs);
  const queue: Entry[] = [];
  let seq = 0;
  let inFlight = 0;
  let pausedUntil = 0;
  let pumping = false;
  const counters = { requests: 0, waits: 0, waitedMs: 0, retries: 0, rateLimitedAnswers: 0 };

  function enqueue(entry: Entry) {
    let i = queue.length;
    while (i > 0 && (queue[i - 1]?.seq ?? 0) > entry.seq) i--;
    queue.splice(i, 0, entry);
  }

  function remove(entry: Entry): boolean {
    const i = queue.indexOf(entry);
    if (i >= 0) queue.splice(i, 1);
    return i >= 0;
  }

  function budgetError(waitMs: number): UpstreamError {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return new UpstreamError(
      "rate-limited",
      `the Voicenter request budget (${limit} a minute, shared by all users) is used up; try again in ${seconds} s`,
      { retryAfterMs: waitMs },
    );
  }

  function start(entry: Entry, at: number) {
    startWindow.record(at, entry.owner);
    inFlight++;
    counters.requests++;
    entry.opts.onAttempt?.();
    // Called at once; the async wrapper turns a synchronous throw into a rejection.
    const invoke = async () => entry.task(entry.opts.signal);
    invoke().then(
      (value) => {
        inFlight--;
        entry.resolve(value);
        void pump();
      },
      (error: unknown) => {
        inFlight--;
        settleFailure(entry, error);
        void pump();
      },
    );
  }

  function settleFailure(entry: Entry, error: unknown) {
    if (entry.opts.signal?.aborted) return entry.reject(error);
    const at = now();
    const kind = classify(error);
    if (kind === "rate-limited") {
      counters.rateLimitedAnswers++;
      const wait = Math.min(maxRateBackoff, rateBackoff * 2 ** entry.rateRetries);
      pausedUntil = Math.max(pausedUntil, at + wait);
      if (entry.rateRetries < maxRateRetries) {
        entry.rateRetries++;
        counters.retries++;
        return enqueue(entry);
      }
      const message = isUpstreamError(error) ? error.message : "too many requests";
      return entry.reject(
        new UpstreamError("rate-limited", message, {
          status: isUpstreamError(error) ? error.status : undefined,
          errorNumber: isUpstreamError(error) ? error.errorNumber : undefined,
          retryAfterMs: pausedUntil - at,
        }),
      );
    }
    if (kind === "transient" && entry.transientRetries < maxTransientRetries) {
      entry.notBefore = at + transientBackoff * 2 ** entry.transientRetries;
      entry.transientRetries++;
      counters.retries++;
      return enqueue(entry);
    }
    entry.reject(error);
  }

  /** Claims the start in the shared ledger: 0, or how long to wait (a caller past its deadline is told). */
  async function claimShared(head: Entry): Promise<number> {
    if (!options.ledger) return 0;
    let claim: Awaited<ReturnType<BudgetLedger["claim"]>>;
    try {
      claim = await options.ledger.claim(head.opts.purpose ?? "interactive");
    } catch {
      // an unreachable ledger must not let requests through unmetered: try again shortly
      claim = { granted: false, retryInMs: 1_000 };
    }
    if (claim.granted) return 0;
    const at = now();
    if (head.opts.notAfter !== undefined && head.opts.notAfter < at + claim.retryInMs) {
      if (remove(head)) head.reject(budgetError(claim.retryInMs));
      return 0;
    }
    return claim.retryInMs;
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0 && inFlight < maxConcurrent) {
        const at = now();
        const head = startWindow.next(queue, at);
        if (!head) break;
        const wait = Math.max(startWindow.wait(at), pausedUntil - at, head.notBefore - at);
        // Whoever cannot start before their deadline is told so now instead of waiting.
        const ready = at + Math.max(0, wait);
        for (const entry of [...queue]) {
          if (entry.opts.notAfter !== undefined && entry.opts.notAfter < ready) {
            remove(entry);
            entry.reject(budgetError(ready - at));
          }
        }
        if (!queue.includes(head)) continue;
        if (wait > 0) {
          counters.waits++;
          counters.waitedMs += wait;
          await sleep(wait);
          continue;
        }
        const shared = await claimShared(head);
        if (shared > 0) {
          counters.waits++;
          counters.waitedMs += shared;
          await sleep(shared);
          continue;
        }
        // aborted while the claim was made: that start is spent, the next one goes
        if (!remove(head)) continue;
        start(head, at);
      }
    } finally {
      pumping = false;
    }
  }

  return {
    run<T>(task: (signal?: AbortSignal) => Promise<T>, opts: RunOptions = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const signal = opts.signal;
        if (signal?.aborted) return reject(signal.reason as Error);
        // A caller who gives up while queued leaves the queue at once; one in flight is
        // cancelled by the task itself, which received the signal. The listener goes when
        // the request settles: one load shares its signal across all of its requests.
        const onAbort = () => remove(entry) && reject(signal?.reason as Error);
        const settled = () => signal?.removeEventListener("abort", onAbort);
        const entry: Entry = {
          seq: seq++,
          owner: opts.owner ?? "",
          task,
          opts,
          resolve: (value: unknown) => {
            settled();
            resolve(value as T);
          },
          reject: (error: unknown) => {
            settled();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
          notBefore: 0,
          rateRetries: 0,
          transientRetries: 0,
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        enqueue(entry);
        void pump();
      });
    },
    stats(): GovernorStats {
      return { ...counters, queued: queue.length, inFlight, inWindow: startWindow.size(now()) };
    },
    retryAfterMs(): number {
      const at = now();
      return Math.max(0, startWindow.wait(at), pausedUntil - at);
    },
  };
}
