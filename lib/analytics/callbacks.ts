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
 *
 * With the work people stored (`options.work`, lib/callbacks/README.md): a row marked done or
 * not needed closes at that instant (a later miss opens a new row), and a row whose first
 * loaded miss is one the stored work knew keeps the stored key and first miss — the view's
 * range began inside that episode.
 */
export interface CallbackRow {
  /**
   * `<number>|<first missed conversation id>`: the key the worklist's work state (assignee,
   * done, note) is stored under. New misses of an open row keep it (they add attempts); a
   * miss after the row closed opens a row with a new key. A range that starts after the
   * first miss sees a later first miss: the stored work that knew that miss gives its key.
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
  /** open: nobody reached them yet; reached: a later answered call; closed: marked by hand. */
  status: "open" | "reached" | "closed";
  /** The episode began before the loaded range (its first miss is the stored work's). */
  carried: boolean;
  /** Closed rows: when and how they were marked. */
  closedAt: number | null;
  closedAs: "done" | "not_needed" | null;
  /** Open rows: seconds from the first miss to `now`. */
  waitingSeconds: number | null;
  /** Reached rows: when (epoch ms), by whom, how, and seconds from the first miss. */
  reachedAt: number | null;
  reachedBy: { key: string; name: string } | null;
  reachedVia: "inbound" | "outbound" | null;
  reachedConversationId: string | null;
  callbackSeconds: number | null;
}

/** Stored work, as computeCallbacks reads it (times in epoch ms). */
export interface CallbackWorkMark {
  key: string;
  number: string;
  firstMissedAt: number;
  /** Conversation ids of the misses the work was saved with (the key's own first). */
  missedIds: readonly string[];
  /** Marked done or not needed at this instant; null while open. */
  closedAt: number | null;
  closedAs: "done" | "not_needed" | null;
}

export interface CallbackKpis {
  /** Rows: missed callers, counted once per stretch until reached. */
  rows: number;
  open: number;
  reached: number;
  /** Closed by hand: done, and not needed. */
  done: number;
  notNeeded: number;
  /** reached ÷ (rows − not needed); null without such rows. */
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

function openRow(number: string, miss: Conversation, work: CallbackWorkMark | undefined) {
  const row: CallbackRow = {
    key: work?.key ?? `${number}|${miss.id}`,
    number,
    displayNumber: "",
    attempts: 0,
    missedIds: [],
    firstMissedAt: Math.min(work?.firstMissedAt ?? miss.start, miss.start),
    lastMissedAt: miss.start,
    queue: undefined,
    did: undefined,
    status: "open",
    carried: work !== undefined && work.firstMissedAt < miss.start,
    closedAt: null,
    closedAs: null,
    waitingSeconds: null,
    reachedAt: null,
    reachedBy: null,
    reachedVia: null,
    reachedConversationId: null,
    callbackSeconds: null,
  };
  return { row, work, earlier: new Set(work?.missedIds) };
}

type OpenRow = ReturnType<typeof openRow>;

function addMiss({ row, earlier }: OpenRow, miss: Conversation): void {
  earlier.delete(miss.id);
  row.attempts = row.missedIds.push(miss.id) + earlier.size;
  row.lastMissedAt = miss.start;
  row.displayNumber = primaryOf(miss).CallerNumber ?? row.number;
  row.queue = miss.queue;
  row.did = miss.did;
}

function closeByHand({ row, work }: OpenRow): void {
  row.status = "closed";
  row.closedAt = work?.closedAt ?? null;
  row.closedAs = work?.closedAs ?? null;
}

function close(row: CallbackRow, reach: Conversation): void {
  row.status = "reached";
  row.reachedAt = reach.start;
  row.reachedBy = reach.agent ? { key: reach.agent.key, name: reach.agent.name } : null;
  row.reachedVia = reach.direction === "inbound" ? "inbound" : "outbound";
  row.reachedConversationId = reach.id;
  row.callbackSeconds = Math.max(0, Math.floor((reach.start - row.firstMissedAt) / 1000));
}

/** Stored work by `<number>|<miss id>` of each miss it knew: how a row finds its work. */
function indexWork(work: readonly CallbackWorkMark[]): Map<string, CallbackWorkMark> {
  const byMiss = new Map<string, CallbackWorkMark>();
  for (const mark of work) {
    byMiss.set(mark.key, mark);
    for (const id of mark.missedIds) byMiss.set(`${mark.number}|${id}`, mark);
  }
  return byMiss;
}

/** The worklist over conversations, with waiting times measured to `now` (epoch ms). */
export function computeCallbacks(
  conversations: readonly Conversation[],
  options: { now: number; work?: readonly CallbackWorkMark[] },
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
  const workByMiss = indexWork(options.work ?? []);

  // Time order; in the same second a miss comes first, so a reach then closes it. Grouped
  // conversations come in start order already, so the sort rarely has anything to do.
  const order = (a: Conversation, b: Conversation) =>
    a.start - b.start || Number(isReach(a)) - Number(isReach(b));
  const rows: CallbackRow[] = [];
  for (const [number, list] of events) {
    if (list.some((c, k) => k > 0 && order(list[k - 1]!, c) > 0)) list.sort(order);
    let open: OpenRow | undefined;
    for (const c of list) {
      // marked done or not needed before this call: the row closed then
      const closedAt = open?.work?.closedAt;
      if (open && closedAt != null && closedAt < c.start) {
        closeByHand(open);
        rows.push(open.row);
        open = undefined;
      }
      if (isMiss(c)) {
        open ??= openRow(number, c, workByMiss.get(`${number}|${c.id}`));
        addMiss(open, c);
      } else if (open) {
        close(open.row, c);
        rows.push(open.row);
        open = undefined;
      }
    }
    if (open?.work?.closedAt != null) {
      closeByHand(open);
      rows.push(open.row);
    } else if (open) {
      const { row } = open;
      row.waitingSeconds = Math.max(0, Math.floor((options.now - row.firstMissedAt) / 1000));
      rows.push(row);
    }
  }

  const rank = { open: 0, reached: 1, closed: 1 } as const;
  const closedAt = (r: CallbackRow) => r.reachedAt ?? r.closedAt ?? 0;
  rows.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.status === "open" ? a.firstMissedAt - b.firstMissedAt : closedAt(b) - closedAt(a)) ||
      (a.key < b.key ? -1 : 1),
  );
  return { rows, kpis: callbackKpis(rows) };
}

/** The worklist's figures over some of its rows (the page's, filtered as it lists them). */
export function callbackKpis(rows: readonly CallbackRow[]): CallbackKpis {
  const reached = rows.filter((r) => r.status === "reached");
  const open = rows.filter((r) => r.status === "open").length;
  const done = rows.filter((r) => r.closedAs === "done").length;
  const notNeeded = rows.filter((r) => r.closedAs === "not_needed").length;
  const counted = rows.length - notNeeded;
  return {
    rows: rows.length,
    open,
    reached: reached.length,
    done,
    notNeeded,
    callbackRate: counted > 0 ? reached.length / counted : null,
    medianTimeToCallbackSeconds:
      reached.length > 0 ? median(reached.map((r) => r.callbackSeconds!)) : null,
    // At most one open row per number: its latest.
    notCalledBack: open,
  };
}
