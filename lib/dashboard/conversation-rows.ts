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

// The legs of a row made for a conversation of several records: the table's sub-rows.
const legsByRow = new WeakMap<ApiCall, readonly ApiCall[]>();

/** The legs beneath a conversation's row; undefined for a row that is one record. */
export function legsOfRow(row: ApiCall): readonly ApiCall[] | undefined {
  return legsByRow.get(row);
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
  const row: ApiCall = { ...primary, HasRecording: conversation.recorded };
  setOrDelete(row, "Date", first.Date);
  setOrDelete(row, "DateEpoch", first.DateEpoch);
  setOrDelete(
    row,
    "Duration",
    conversation.outcome === "answered" ? conversation.talkSeconds : primary.Duration,
  );
  setOrDelete(
    row,
    "Price",
    legs.some((leg) => leg.Price !== undefined) ? conversation.costAgorot : undefined,
  );
  setOrDelete(row, "QueueName", conversation.queue);
  setOrDelete(row, "DID", conversation.did);
  legsByRow.set(row, legs);
  return row;
}

function setOrDelete<K extends keyof ApiCall>(row: ApiCall, key: K, value: ApiCall[K]): void {
  if (value === undefined) delete row[key];
  else row[key] = value;
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
