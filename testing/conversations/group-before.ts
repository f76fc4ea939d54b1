import { summarizeConversation, type Conversation } from "@/lib/conversations/conversation";
import { attachUnlinkedFollowUps } from "@/lib/conversations/follow-ups";
import { indexRecords, isNamed, roleCode, ROLES } from "@/lib/conversations/record-index";
import type { ConversationRecord } from "@/lib/conversations/records";
import { summarizeSingle } from "@/lib/conversations/summarize-single";
import { find, union } from "@/lib/conversations/union-find";
import type { LegRole } from "@/lib/voicenter/call-types";

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

/** True when a leg points at a record that is not loaded, or a two-leg call lacks one leg. */
function isPartial(
  legs: readonly ConversationRecord[],
  roleCodes: readonly number[],
  originals: readonly (string | undefined)[],
): boolean {
  let legOne = false;
  let legTwo = false;
  for (const code of roleCodes) {
    if (LEG_ONE[code] === 1) legOne = true;
    else if (code === CUSTOMER) legTwo = true;
  }
  if (legOne !== legTwo) return true;
  return originals.some((id) => id !== undefined && !legs.some((leg) => leg.CallID === id));
}

/**
 * groupConversations as it was before its loops were made cheaper (a map and an array per
 * group, Array.prototype.sort for each): kept only as the reference the property test
 * compares the restructured one with, on random records and the simulator's.
 */
export function groupConversationsBefore<R extends ConversationRecord>(
  records: readonly R[],
): Conversation<R>[] {
  const n = records.length;
  const index = indexRecords(records);
  const { starts, roles, originals } = index;
  const parent = new Int32Array(n);
  const byOriginal = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    parent[i] = i;
    const original = originals[i];
    if (original === undefined) continue;
    const first = byOriginal.get(original);
    if (first === undefined) byOriginal.set(original, i);
    else union(parent, first, i);
  }
  // A record whose CallID others name as their original joins them (the call a transfer
  // continues; a leg 1 that does not name itself). The bitmap spares most records the
  // lookup — which hashes a fresh 25-character string — and even the visit.
  if (byOriginal.size > 0) {
    for (let i = 0; i < n; i++) {
      if (!isNamed(index, index.idHashes[i]!)) continue;
      const id = records[i]!.CallID;
      if (originals[i] === id) continue; // names itself: joined above
      const linked = byOriginal.get(id);
      if (linked !== undefined) union(parent, linked, i);
    }
  }
  attachUnlinkedFollowUps(records, parent, index);

  // Sizes per root; the members of the (few) groups of several records, in input order.
  const roots = new Int32Array(n);
  const sizes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    roots[i] = root;
    sizes[root]!++;
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = roots[i]!;
    if (sizes[root]! < 2) continue;
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }

  // A group's root is its lowest index, so conversations come in the order of their first
  // record: already in start order when the records are (the server sends them by date).
  const conversations: Conversation<R>[] = [];
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
      conversations.push(summarizeSingle(record, partial, starts[i]!, original ?? null));
      continue;
    }
    if (root !== i) continue;
    const group = groups.get(root)!;
    group.sort(
      (a, b) =>
        byTime(starts[a]!, starts[b]!) ||
        ORDER_BY_CODE[roles[a]!]! - ORDER_BY_CODE[roles[b]!]! ||
        compareText(records[a]!.CallID, records[b]!.CallID),
    );
    const legs = group.map((k) => records[k]!);
    const partial = isPartial(
      legs,
      group.map((k) => roles[k]!),
      group.map((k) => originals[k]),
    );
    const shared = group.find((k) => originals[k] !== undefined);
    conversations.push(
      summarizeConversation(
        legs,
        partial,
        starts[group[0]!],
        shared === undefined ? null : originals[shared]!,
      ),
    );
  }
  return sortByStart(conversations);
}

/**
 * Start order, then id. From records sorted by date only ties are out of place, so they
 * are moved by insertion; anything else gets a full sort.
 */
function sortByStart<R extends ConversationRecord>(list: Conversation<R>[]): Conversation<R>[] {
  const order = (a: Conversation<R>, b: Conversation<R>) =>
    byTime(a.start, b.start) || compareText(a.id, b.id);
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    if (order(list[i - 1]!, item) <= 0) continue;
    if (byTime(list[i - 1]!.start, item.start) !== 0) return list.sort(order);
    let j = i - 1;
    while (j >= 0 && order(list[j]!, item) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}
