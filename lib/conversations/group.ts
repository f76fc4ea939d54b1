import type { LegRole } from "@/lib/voicenter/call-types";

import { summarizeConversation, type Conversation } from "./conversation";
import { attachUnlinkedFollowUps } from "./follow-ups";
import { indexRecords, isNamed, roleCode, ROLES, type RecordIndex } from "./record-index";
import type { ConversationRecord } from "./records";
import { summarizeSingle } from "./summarize-single";
import { find, union } from "./union-find";

/** Within one second, leg 1 (agent, dialer, consult) comes before what it led to. */
const LEG_ORDER: Record<LegRole, number> = {
  agent: 0,
  dial: 0,
  consult: 0,
  whole: 1,
  customer: 2,
  forward: 3,
  transfer: 3,
};
const ORDER_BY_CODE = Uint8Array.from(ROLES, (role) => LEG_ORDER[role]);
const CUSTOMER = roleCode("customer");
const isLegOne = (role: LegRole) => role === "agent" || role === "dial" || role === "consult";
const LEG_ONE = Uint8Array.from(ROLES, (role) => (isLegOne(role) ? 1 : 0));

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** NaN (undated) sorts after every date. */
const byTime = (a: number, b: number) =>
  Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b;

/**
 * True when a leg points at a record that is not loaded, or a two-leg call lacks one leg.
 * `members` are the group's record indexes; `loaded[firstNaming[k]]` says whether the
 * record member k names is in the input (and so in this group).
 */
function isPartial(
  members: readonly number[],
  roles: Uint8Array,
  firstNaming: Int32Array,
  loaded: Uint8Array,
): boolean {
  let legOne = false;
  let legTwo = false;
  for (const k of members) {
    const code = roles[k]!;
    if (LEG_ONE[code] === 1) legOne = true;
    else if (code === CUSTOMER) legTwo = true;
  }
  if (legOne !== legTwo) return true;
  for (const k of members) {
    const first = firstNaming[k]!;
    if (first !== -1 && loaded[first] === 0) return true;
  }
  return false;
}

/**
 * A group's members in leg order (time, leg 1 first, then CallID), stable. Groups are two
 * or three records: an insertion sort, where Array.prototype.sort allocates work space.
 */
function sortLegs(
  records: readonly ConversationRecord[],
  members: number[],
  index: RecordIndex,
): void {
  const { starts, roles } = index;
  const before = (a: number, b: number) =>
    (byTime(starts[a]!, starts[b]!) ||
      ORDER_BY_CODE[roles[a]!]! - ORDER_BY_CODE[roles[b]!]! ||
      compareText(records[a]!.CallID, records[b]!.CallID)) < 0;
  for (let i = 1; i < members.length; i++) {
    const item = members[i]!;
    let j = i - 1;
    while (j >= 0 && before(item, members[j]!)) {
      members[j + 1] = members[j]!;
      j--;
    }
    members[j + 1] = item;
  }
}

/**
 * Groups records into conversations (the rule: README.md beside this file). Every record
 * lands in exactly one conversation, whatever the input order; conversations come out in
 * start order, then by id.
 */
export function groupConversations<R extends ConversationRecord>(
  records: readonly R[],
): Conversation<R>[] {
  const n = records.length;
  const index = indexRecords(records);
  const { starts, roles, originals } = index;
  const parent = new Int32Array(n);
  const byOriginal = new Map<string, number>();
  // Per record naming an original: the first record naming the same one (-1: none named).
  const firstNaming = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    parent[i] = i;
    const original = originals[i];
    if (original === undefined) continue;
    const first = byOriginal.get(original);
    if (first === undefined) {
      byOriginal.set(original, i);
      firstNaming[i] = i;
    } else {
      union(parent, first, i);
      firstNaming[i] = first;
    }
  }
  // A record whose CallID others name as their original joins them (the call a transfer
  // continues; a leg 1 that does not name itself). The bitmap spares most records the
  // lookup — which hashes a fresh 25-character string — and even the visit. `loaded` marks
  // the originals whose record is among the input, so in the group of those naming it.
  const loaded = new Uint8Array(n);
  if (byOriginal.size > 0) {
    for (let i = 0; i < n; i++) {
      if (!isNamed(index, index.idHashes[i]!)) continue;
      const id = records[i]!.CallID;
      const linked = originals[i] === id ? firstNaming[i]! : byOriginal.get(id);
      if (linked === undefined) continue;
      loaded[linked] = 1;
      // names itself: joined above
      if (originals[i] !== id) union(parent, linked, i);
    }
  }
  attachUnlinkedFollowUps(records, parent, index);

  // Per root: its size, and its members as a list threaded through `next` (input order;
  // a root is its group's lowest index, so it heads the list). No map, no array per group.
  const roots = new Int32Array(n);
  const sizes = new Int32Array(n);
  const next = new Int32Array(n).fill(-1);
  const tails = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    roots[i] = root;
    const size = sizes[root]!;
    sizes[root] = size + 1;
    if (size === 0) tails[root] = i;
    else {
      next[tails[root]!] = i;
      tails[root] = i;
    }
  }

  // A group's root is its lowest index, so conversations come in the order of their first
  // record: already in start order when the records are (the server sends them by date).
  const conversations: Conversation<R>[] = [];
  const conversationStarts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const root = roots[i]!;
    if (sizes[root] === 1) {
      const record = records[i]!;
      const original = originals[i];
      const role = roles[i]!;
      // Alone: partial when it is one leg of a pair, or points at a record not loaded.
      const partial =
        LEG_ONE[role] === 1 ||
        role === CUSTOMER ||
        (original !== undefined && original !== record.CallID);
      conversationStarts[conversations.length] = starts[i]!;
      conversations.push(summarizeSingle(record, partial, starts[i]!, original ?? null));
      continue;
    }
    if (root !== i) continue;
    const members = new Array<number>(sizes[root]!);
    for (let k = 0, at = i; at !== -1; at = next[at]!) members[k++] = at;
    sortLegs(records, members, index);
    const legs = members.map((k) => records[k]!);
    let shared: string | null = null;
    for (const k of members) {
      const original = originals[k];
      if (original !== undefined) {
        shared = original;
        break;
      }
    }
    conversationStarts[conversations.length] = starts[members[0]!]!;
    conversations.push(
      summarizeConversation(
        legs,
        isPartial(members, roles, firstNaming, loaded),
        starts[members[0]!],
        shared,
      ),
    );
  }
  return sortByStart(conversations, conversationStarts);
}

/**
 * Start order, then id. From records sorted by date only ties are out of place, so they
 * are moved by insertion; anything else gets a full sort. `starts[i]` is `list[i].start`:
 * the common case, a strictly later start, is read from it without touching the objects.
 */
function sortByStart<R extends ConversationRecord>(
  list: Conversation<R>[],
  starts: Float64Array,
): Conversation<R>[] {
  const order = (a: Conversation<R>, b: Conversation<R>) =>
    byTime(a.start, b.start) || compareText(a.id, b.id);
  for (let i = 1; i < list.length; i++) {
    // false for NaN (undated): those take the general path
    if (starts[i - 1]! < starts[i]!) continue;
    const item = list[i]!;
    if (order(list[i - 1]!, item) <= 0) continue;
    if (byTime(list[i - 1]!.start, item.start) !== 0) return list.sort(order);
    // ties move among themselves only: `starts` stays list's
    let j = i - 1;
    while (j >= 0 && order(list[j]!, item) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}
