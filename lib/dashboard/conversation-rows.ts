import type { ApiCall } from "@/lib/api/calls-response";
import type { Conversation } from "@/lib/conversations/conversation";
import { groupConversations } from "@/lib/conversations/group";

/**
 * The loaded calls as conversations, each also written as one table row in a record's
 * shape, so the table's columns, keyed sort, column chooser and CSV export work on
 * conversations unchanged. Built once per loaded answer (cached on the calls array, which
 * the query cache shares between the pages).
 */
export interface ConversationRows {
  conversations: readonly Conversation<ApiCall>[];
  /** `rows[i]` is conversation i as one row. */
  rows: readonly ApiCall[];
}

// The legs of a row made for a conversation of several records (the table's sub-rows), on
// the row itself: the table asks every row for them, and a property is cheaper to read than
// a WeakMap. A symbol: no column, sort key or CSV export sees it.
const LEGS = Symbol("legs");
type RowWithLegs = ApiCall & { [LEGS]?: readonly ApiCall[] };

/** The legs beneath a conversation's row; undefined for a row that is one record. */
export function legsOfRow(row: ApiCall): readonly ApiCall[] | undefined {
  return (row as RowWithLegs)[LEGS];
}

/**
 * One conversation as a row. A conversation of one record is that record. Otherwise the
 * primary leg's fields (type, status, numbers, agent), with what belongs to the whole
 * conversation: the first leg's date, the talk time when answered (else the primary leg's
 * Duration, as for one record), the cost of every leg, a recording on any leg, and the
 * conversation's queue and DID. CallID stays the primary leg's: opening the row opens it.
 */
export function conversationRow(conversation: Conversation<ApiCall>): ApiCall {
  const { legs } = conversation;
  if (legs.length === 1) return legs[0]!;
  const first = legs[0]!;
  const primary = legs[conversation.primaryLeg]!;
  // A plain spread (V8's clone fast path); not Object.create(primary): a record made a
  // prototype changes shape, and every loop over the records slows down.
  const row: RowWithLegs = { ...primary };
  row.HasRecording = conversation.recorded;
  setField(row, "Date", first.Date);
  setField(row, "DateEpoch", first.DateEpoch);
  setField(
    row,
    "Duration",
    conversation.outcome === "answered" ? conversation.talkSeconds : primary.Duration,
  );
  setField(
    row,
    "Price",
    legs.some((leg) => leg.Price !== undefined) ? conversation.costAgorot : undefined,
  );
  setField(row, "QueueName", conversation.queue);
  setField(row, "DID", conversation.did);
  row[LEGS] = legs;
  return row;
}

/** Sets a field the row shows differently from its primary leg (no `delete`: it makes an object slow). */
function setField<K extends keyof ApiCall>(row: ApiCall, key: K, value: ApiCall[K]): void {
  if (value !== row[key]) row[key] = value;
}

const cache = new WeakMap<readonly ApiCall[], ConversationRows>();

/** The calls grouped (README beside lib/conversations) and written as rows; cached per array. */
export function conversationRowsOf(calls: readonly ApiCall[]): ConversationRows {
  let rows = cache.get(calls);
  if (!rows) {
    const conversations = groupConversations(calls);
    rows = { conversations, rows: conversations.map(conversationRow) };
    cache.set(calls, rows);
  }
  return rows;
}

/** The conversations (and their rows) that pass `keep`; the same object when all do. */
export function filterConversationRows(
  all: ConversationRows,
  keep: ((conversation: Conversation<ApiCall>, index: number) => boolean) | null,
): ConversationRows {
  if (!keep) return all;
  const conversations: Conversation<ApiCall>[] = [];
  const rows: ApiCall[] = [];
  for (let i = 0; i < all.conversations.length; i++) {
    const conversation = all.conversations[i]!;
    if (!keep(conversation, i)) continue;
    conversations.push(conversation);
    rows.push(all.rows[i]!);
  }
  return conversations.length === all.conversations.length ? all : { conversations, rows };
}
