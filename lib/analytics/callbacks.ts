import { primaryOf, type Conversation } from "@/lib/conversations/conversation";

/**
 * The callback worklist: callers the company missed, until someone reached them.
 *
 * A *miss* is an inbound conversation (a customer calling in: types 1, 8, 11, 23 lead it)
 * that was missed or abandoned — voicemail and short abandons included. A *reach* is an
 * answered conversation with the same number (phone key), either direction: they called
 * again and got through, or an agent called them and they answered. An unanswered call
 * back does not reach them. Per number, the first miss opens a row; later misses add
 * attempts; the first reach at or after the first miss (the same second counts) closes it;
 * a miss after that opens a new row. Only the conversations given are seen: a reach after
 * the loaded range is not known (load the range up to now to work the list).
 */
export interface CallbackRow {
  /**
   * `<number>|<first missed conversation id>`: the key the worklist's work state (assignee,
   * done, note) is stored under. New misses of an open row keep it (they add attempts); a
   * miss after the row closed opens a row with a new key. A range that starts after the
   * first miss sees a later first miss, hence another key: load the worklist over a fixed
   * look-back up to now, or match stored work with `findCallbackRow` by number and time.
   */
  key: string;
  /** The caller's number as a phone key (`0501234567`). */
  number: string;
  /** The number as the latest missed record wrote it. */
  displayNumber: string;
  /** Missed or abandoned conversations in this row. */
  attempts: number;
  /** Conversation ids of the misses, oldest first. */
  missedIds: string[];
  /** Epoch ms. */
  firstMissedAt: number;
  lastMissedAt: number;
  /** Queue and DID of the latest miss. */
  queue: string | undefined;
  did: string | undefined;
  status: "open" | "reached";
  /** Open rows: seconds from the first miss to `now`. */
  waitingSeconds: number | null;
  /** Reached rows: when (epoch ms), by whom, how, and seconds from the first miss. */
  reachedAt: number | null;
  reachedBy: { key: string; name: string } | null;
  reachedVia: "inbound" | "outbound" | null;
  reachedConversationId: string | null;
  callbackSeconds: number | null;
}

export interface CallbackKpis {
  /** Rows: missed callers, counted once per stretch until reached. */
  rows: number;
  open: number;
  reached: number;
  /** reached ÷ rows; null without rows. */
  callbackRate: number | null;
  /** Median seconds from the first miss to the reach, over reached rows; null when none. */
  medianTimeToCallbackSeconds: number | null;
  /** Numbers with an open row: what the KPI strip's "not called back" counts. */
  notCalledBack: number;
}

export interface CallbackWorklist {
  /** Open rows first (longest waiting first), then reached rows (latest reach first). */
  rows: CallbackRow[];
  kpis: CallbackKpis;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const isMiss = (c: Conversation) =>
  c.direction === "inbound" && (c.outcome === "missed" || c.outcome === "abandoned");
const isReach = (c: Conversation) => c.direction !== "internal" && c.outcome === "answered";

function openRow(number: string, miss: Conversation): CallbackRow {
  return {
    key: `${number}|${miss.id}`,
    number,
    displayNumber: "",
    attempts: 0,
    missedIds: [],
    firstMissedAt: miss.start,
    lastMissedAt: miss.start,
    queue: undefined,
    did: undefined,
    status: "open",
    waitingSeconds: null,
    reachedAt: null,
    reachedBy: null,
    reachedVia: null,
    reachedConversationId: null,
    callbackSeconds: null,
  };
}

function addMiss(row: CallbackRow, miss: Conversation): void {
  row.attempts++;
  row.missedIds.push(miss.id);
  row.lastMissedAt = miss.start;
  row.displayNumber = primaryOf(miss).CallerNumber ?? row.number;
  row.queue = miss.queue;
  row.did = miss.did;
}

function close(row: CallbackRow, reach: Conversation): void {
  row.status = "reached";
  row.reachedAt = reach.start;
  row.reachedBy = reach.agent ? { key: reach.agent.key, name: reach.agent.name } : null;
  row.reachedVia = reach.direction === "inbound" ? "inbound" : "outbound";
  row.reachedConversationId = reach.id;
  row.callbackSeconds = Math.max(0, Math.floor((reach.start - row.firstMissedAt) / 1000));
}

/** The worklist over conversations, with waiting times measured to `now` (epoch ms). */
export function computeCallbacks(
  conversations: readonly Conversation[],
  options: { now: number },
): CallbackWorklist {
  const missedNumbers = new Set<string>();
  for (const c of conversations) {
    if (c.customer !== undefined && !Number.isNaN(c.start) && isMiss(c))
      missedNumbers.add(c.customer);
  }
  const events = new Map<string, Conversation[]>();
  for (const c of conversations) {
    const number = c.customer;
    if (number === undefined || (!isMiss(c) && !isReach(c))) continue;
    if (!missedNumbers.has(number) || Number.isNaN(c.start)) continue;
    const list = events.get(number);
    if (list) list.push(c);
    else events.set(number, [c]);
  }

  // Time order; in the same second a miss comes first, so a reach then closes it. Grouped
  // conversations come in start order already, so the sort rarely has anything to do.
  const order = (a: Conversation, b: Conversation) =>
    a.start - b.start || Number(isReach(a)) - Number(isReach(b));
  const rows: CallbackRow[] = [];
  for (const [number, list] of events) {
    if (list.some((c, k) => k > 0 && order(list[k - 1]!, c) > 0)) list.sort(order);
    let row: CallbackRow | undefined;
    for (const c of list) {
      if (isMiss(c)) {
        row ??= openRow(number, c);
        addMiss(row, c);
      } else if (row) {
        close(row, c);
        rows.push(row);
        row = undefined;
      }
    }
    if (row) {
      row.waitingSeconds = Math.max(0, Math.floor((options.now - row.firstMissedAt) / 1000));
      rows.push(row);
    }
  }

  rows.sort((a, b) =>
    a.status !== b.status
      ? a.status === "open"
        ? -1
        : 1
      : a.status === "open"
        ? a.firstMissedAt - b.firstMissedAt || (a.key < b.key ? -1 : 1)
        : b.reachedAt! - a.reachedAt! || (a.key < b.key ? -1 : 1),
  );
  const reached = rows.filter((r) => r.status === "reached");
  const open = rows.length - reached.length;
  return {
    rows,
    kpis: {
      rows: rows.length,
      open,
      reached: reached.length,
      callbackRate: rows.length > 0 ? reached.length / rows.length : null,
      medianTimeToCallbackSeconds:
        reached.length > 0 ? median(reached.map((r) => r.callbackSeconds!)) : null,
      // At most one open row per number: its latest.
      notCalledBack: open,
    },
  };
}

/**
 * The row of `number` that was open at `at` (epoch ms): its first miss at or before `at`,
 * not reached before it. For stored work whose key is not among the rows — the view's range
 * starts inside the stretch, so its first miss there is a later one.
 */
export function findCallbackRow(
  rows: readonly CallbackRow[],
  number: string,
  at: number,
): CallbackRow | undefined {
  return rows.find(
    (row) =>
      row.number === number &&
      row.firstMissedAt <= at &&
      (row.reachedAt === null || row.reachedAt >= at),
  );
}
