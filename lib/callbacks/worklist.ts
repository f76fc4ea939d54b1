import type { CallbackRow, CallbackWorkMark } from "@/lib/analytics/callbacks";
import type { CallbackRowRef, CallbackWork } from "@/lib/api/callbacks";
import type { FigureValue } from "@/lib/table/figure-sort";

/**
 * The /callbacks page's pure parts: the stored work as computeCallbacks reads it, what a
 * change names a row by, which rows a view shows, and the values its columns sort by.
 */

/** The worklist's own filter (`worklist=` in the URL): still to call, closed, or both. */
export const WORKLIST_VIEWS = ["open", "done", "all"] as const;
export type WorklistView = (typeof WORKLIST_VIEWS)[number];

export function workMarks(work: readonly CallbackWork[]): CallbackWorkMark[] {
  return work.map((w) => ({
    key: w.key,
    number: w.number,
    firstMissedAt: Date.parse(w.firstMissedAt),
    missedIds: w.missedIds,
    closedAt: w.state === "open" || w.stateAt === null ? null : Date.parse(w.stateAt),
    closedAs: w.state === "open" ? null : w.state,
  }));
}

export function rowRef(row: CallbackRow): CallbackRowRef {
  return {
    key: row.key,
    number: row.number,
    firstMissedAt: new Date(row.firstMissedAt).toISOString(),
    missedIds: row.missedIds,
  };
}

/**
 * The rows a view lists: of its state, and with a miss among the conversations the page's
 * local filters keep (queue, agent, hour…). The rows are computed over every loaded
 * conversation, so a call back the filters hide still closes its row.
 */
export function visibleRows(
  rows: readonly CallbackRow[],
  view: WorklistView,
  shownIds: ReadonlySet<string> | null,
): CallbackRow[] {
  return rows.filter(
    (row) =>
      (view === "all" || (view === "open") === (row.status === "open")) &&
      (shownIds === null || row.missedIds.some((id) => shownIds.has(id))),
  );
}

export const WORKLIST_COLUMN_IDS = [
  "caller",
  "attempts",
  "firstMissed",
  "lastMissed",
  "waiting",
  "queue",
  "did",
  "assignee",
  "state",
  "note",
] as const;
export type WorklistColumnId = (typeof WORKLIST_COLUMN_IDS)[number];

/** Numbers sort largest first on the first click; text A→Z. */
export const NUMERIC_COLUMNS: ReadonlySet<WorklistColumnId> = new Set([
  "attempts",
  "firstMissed",
  "lastMissed",
  "waiting",
]);

/** What each column sorts by. `waiting`: open rows' wait, closed rows' time to callback. */
export function sortValue(
  id: WorklistColumnId,
  row: CallbackRow,
  work: CallbackWork | undefined,
): FigureValue {
  switch (id) {
    case "caller":
      return row.number;
    case "attempts":
      return row.attempts;
    case "firstMissed":
      return row.firstMissedAt;
    case "lastMissed":
      return row.lastMissedAt;
    case "waiting":
      return row.waitingSeconds ?? row.callbackSeconds;
    case "queue":
      return row.queue ?? null;
    case "did":
      return row.did ?? null;
    case "assignee":
      return work?.assignee?.label ?? null;
    case "state":
      return row.status === "closed" ? (row.closedAs ?? "done") : row.status;
    case "note":
      return work?.notes.at(-1)?.text ?? null;
  }
}

export function isWorklistColumn(id: string): id is WorklistColumnId {
  return (WORKLIST_COLUMN_IDS as readonly string[]).includes(id);
}
