import { Writable } from "node:stream";

import type { DatabaseHandle } from "@/lib/db/database";
import { budgetPolicy, createMemoryLedger } from "@/lib/server/budget-ledger";
import { createGovernor } from "@/lib/server/governor";
import { createLogger } from "@/lib/server/log";
import type { UpstreamConfig } from "@/lib/server/upstream";
import { createUpstreamRequester, type UpstreamRequester } from "@/lib/server/upstream-requests";
import {
  abortableSleep,
  DEFAULT_STORE_SETTINGS,
  type StoreContext,
  type StoreSettings,
} from "@/lib/store/context";
import { createLocalCoordination, type Coordination } from "@/lib/store/coordination";
import { createRequestLog } from "@/lib/store/request-log";
import { createCallStore, type CallStore } from "@/lib/store/runtime";

import type { SimulatorServer } from "../simulator";

/**
 * A call store as the server runs it — the real database (PGlite or PostgreSQL), the real
 * simulator over HTTP — but on a clock the test moves, and with its log lines kept.
 */

export interface TestClock {
  now: () => number;
  set: (ms: number) => void;
  advance: (ms: number) => void;
}

export function testClock(start: number): TestClock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => (t = ms),
    advance: (ms) => (t += ms),
  };
}

export interface LogLines {
  lines: Record<string, unknown>[];
  text: () => string;
}

export function capturedLogger(secrets: string[] = []) {
  const captured: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      captured.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = createLogger({ secrets, destination, level: "debug" });
  const lines: LogLines = {
    get lines() {
      return captured
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => captured.join(""),
  };
  return { logger, lines };
}

export function simulatorUpstream(server: SimulatorServer, code: string): UpstreamConfig {
  return simulatorUpstreamAt(`${server.url}/hub/cdr/`, code);
}

export function simulatorUpstreamAt(url: string, code: string): UpstreamConfig {
  return {
    mode: "live",
    url,
    code,
    auth: "body",
    fetch: (input, init) => fetch(input, init),
    rateLimitPerMinute: 600,
    timeoutMs: 30_000,
  };
}

export interface StoreHarness {
  store: CallStore;
  ctx: StoreContext;
  requester: UpstreamRequester;
  /** A second way to the upstream, for direct queries to compare with. */
  direct: UpstreamRequester;
  log: LogLines;
  upstreamRequests: () => number;
  close(): Promise<void>;
}

export function storeHarness(options: {
  handle: DatabaseHandle;
  upstream: UpstreamConfig;
  clock: TestClock;
  settings?: Partial<StoreSettings>;
  coordination?: Coordination;
  instance?: string;
}): StoreHarness {
  const { logger, lines } = capturedLogger([options.upstream.code]);
  const policy = budgetPolicy(options.upstream.rateLimitPerMinute);
  // one clock for the governor and fetchAllCalls' deadlines (the budget never runs out here)
  const governor = createGovernor({
    rateLimitPerMinute: policy.limit,
    ledger: createMemoryLedger(policy, options.clock.now),
    now: options.clock.now,
  });
  let requests = 0;
  const requester = createUpstreamRequester({
    upstream: options.upstream,
    governor,
    logger,
    now: options.clock.now,
    record: () => void requests++,
  });
  const direct = createUpstreamRequester({
    upstream: options.upstream,
    governor: createGovernor({ rateLimitPerMinute: policy.limit, now: options.clock.now }),
    logger,
  });
  const instance = options.instance ?? "test-instance";
  const ctx: StoreContext = {
    database: () => Promise.resolve(options.handle.db),
    requester,
    now: options.clock.now,
    sleep: abortableSleep,
    log: logger,
    instance,
    settings: { ...DEFAULT_STORE_SETTINGS, ...options.settings },
  };
  const store = createCallStore({
    context: ctx,
    coordination: options.coordination ?? createLocalCoordination(),
    requestLog: createRequestLog(ctx.database, instance, () => undefined, 10),
  });
  return {
    store,
    ctx,
    requester,
    direct,
    log: lines,
    upstreamRequests: () => requests,
    close: () => store.stop(),
  };
}
