/** Messages between bench/db-health.ts and its child process (bench/db/health-child.ts). */

export type BackendName = "pglite-main" | "pglite-worker" | "postgres";

export interface ReadyMessage {
  type: "ready";
  port: number;
  firstOpenMs: number;
  reopenMs: number;
  loadMs: number;
  rows: number;
}

export interface AggregatedMessage {
  type: "aggregated";
  /** Each run of the big GROUP BY, in ms. */
  runs: number[];
  groups: number;
  /** The child's event-loop delay while the runs went on (ms). */
  loopDelayP99: number;
  loopDelayMax: number;
}

export interface FailedMessage {
  type: "failed";
  error: string;
}

export type ChildMessage = ReadyMessage | AggregatedMessage | FailedMessage;

export type ParentMessage = { type: "aggregate"; durationMs: number } | { type: "stop" };
