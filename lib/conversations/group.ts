import type { LegRole } from "@/lib/voicenter/call-types";

import { legEndMs, legStartMs, summarizeConversation, type Conversation } from "./conversation";
import {
  agentExtensionOf,
  customerKeyOf,
  customerNumberOf,
  legRoleOf,
  originalIdOf,
  type ConversationRecord,
} from "./records";

/**
 * A transfer or forward record that carries no OriginalIvrUniqueID joins a call of the same
 * customer that was live when it started, or had ended at most this long before (and was
 * held by the extension the follow-up came from, when both records name it).
 */
const UNLINKED_FOLLOW_UP_GRACE_MS = 15_000;

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
const isLegOne = (role: LegRole) => role === "agent" || role === "dial" || role === "consult";
const isFollowUp = (role: LegRole) => role === "transfer" || role === "forward";

function find(parent: Int32Array, i: number): number {
  let at = i;
  while (parent[at] !== at) {
    const up = parent[parent[at]!]!;
    parent[at] = up;
    at = up;
  }
  return at;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}

const ID_FILTER_SIZE = 1 << 17;
/** A hash of an id's last 8 characters (where ids vary most), for the bitmap filter. */
function idFilterHash(id: string): number {
  let h = id.length;
  for (let k = Math.max(0, id.length - 8); k < id.length; k++) {
    h = Math.imul(h, 31) + id.charCodeAt(k);
  }
  return (h ^ (h >>> 15)) & (ID_FILTER_SIZE - 1);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** NaN (undated) sorts after every date. */
const byTime = (a: number, b: number) =>
  Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b;

/** The last four characters of a number as 0–9999 (0 when they are not digits). */
function lastFourDigits(text: string): number {
  let value = 0;
  for (let k = Math.max(0, text.length - 4); k < text.length; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) return 0;
    value = value * 10 + digit;
  }
  return value;
}

/** The first index of a sorted array whose value is ≥ `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The extension holding the customer at the end of a record: where a follow-up starts. */
function holderExtensionOf(record: ConversationRecord): string | undefined {
  if (!isFollowUp(legRoleOf(record))) return agentExtensionOf(record);
  return record.TargetExtension ? record.TargetExtension : undefined;
}

/**
 * Links each unlinked transfer/forward to the latest-starting record of the same customer
 * that was live at its start (another follow-up included, so a chain of transfers holds),
 * held by the extension the follow-up came from when both records name one.
 */
function attachUnlinkedFollowUps(
  records: readonly ConversationRecord[],
  parent: Int32Array,
  starts: Float64Array,
  originals: readonly (string | undefined)[],
): void {
  const byCallId = (a: number, b: number) => compareText(records[a]!.CallID, records[b]!.CallID);
  const orphans: number[] = [];
  const keys = new Map<string, number[]>();
  const endings = new Uint8Array(10_000);
  for (let i = 0; i < records.length; i++) {
    if (originals[i] !== undefined || !isFollowUp(legRoleOf(records[i]!))) continue;
    const key = customerKeyOf(records[i]!);
    if (key === undefined || Number.isNaN(starts[i])) continue;
    orphans.push(i);
    keys.set(key, []);
    endings[lastFourDigits(key)] = 1;
  }
  if (orphans.length === 0) return;
  // Only records live when some follow-up started can take one: test that before reading
  // the record's number.
  const orphanStarts = Float64Array.from(orphans, (i) => starts[i]!).sort();
  let lo = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < records.length; i++) {
    const start = starts[i]!;
    if (Number.isNaN(start)) continue;
    // The first follow-up starting at or after this record: walked forward while records
    // come in time order (the usual case), searched after a jump or when out of order.
    if (start < previous || start - previous > 60_000) lo = lowerBound(orphanStarts, start);
    else while (lo < orphanStarts.length && orphanStarts[lo]! < start) lo++;
    previous = start;
    const next = orphanStarts[lo];
    const end = legEndMs(records[i]!, start) + UNLINKED_FOLLOW_UP_GRACE_MS;
    if (next === undefined || next > end) continue;
    // Both spellings of a number end alike: most records fail this before their number is read.
    const raw = customerNumberOf(records[i]!);
    if (raw === undefined || endings[lastFourDigits(raw)] === 0) continue;
    const key = customerKeyOf(records[i]!);
    if (key !== undefined) keys.get(key)?.push(i);
  }
  for (const list of keys.values()) list.sort((a, b) => starts[a]! - starts[b]! || byCallId(a, b));
  for (const orphan of orphans) {
    const list = keys.get(customerKeyOf(records[orphan]!)!)!;
    const at = starts[orphan]!;
    const from = records[orphan]!.CallerExtension;
    for (let k = list.length - 1; k >= 0; k--) {
      const other = list[k]!;
      if (other === orphan || starts[other]! > at) continue;
      const holder = from ? holderExtensionOf(records[other]!) : undefined;
      if (holder !== undefined && holder !== from) continue;
      if (legEndMs(records[other]!, starts[other]!) + UNLINKED_FOLLOW_UP_GRACE_MS >= at) {
        union(parent, orphan, other);
        break;
      }
    }
  }
}

/** True when a leg points at a record that is not loaded, or a two-leg call lacks one leg. */
function isPartial(
  legs: readonly ConversationRecord[],
  roles: readonly LegRole[],
  originals: readonly (string | undefined)[],
): boolean {
  let legOne = false;
  let legTwo = false;
  for (const role of roles) {
    if (isLegOne(role)) legOne = true;
    else if (role === "customer") legTwo = true;
  }
  if (legOne !== legTwo) return true;
  return originals.some((id) => id !== undefined && !legs.some((leg) => leg.CallID === id));
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
  const parent = new Int32Array(n);
  const starts = new Float64Array(n);
  const originals = new Array<string | undefined>(n);
  const byOriginal = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    parent[i] = i;
    const record = records[i]!;
    starts[i] = legStartMs(record);
    const original = originalIdOf(record);
    originals[i] = original;
    if (original === undefined) continue;
    const first = byOriginal.get(original);
    if (first === undefined) byOriginal.set(original, i);
    else union(parent, first, i);
  }
  // A record whose CallID others name as their original joins them (leg 1, the call a
  // transfer continues). Most records are named by none: a bitmap of a cheap hash of the
  // named ids spares them the Map lookup, which hashes the whole of each fresh string.
  if (byOriginal.size > 0) {
    const named = new Uint8Array(ID_FILTER_SIZE);
    for (const id of byOriginal.keys()) named[idFilterHash(id)] = 1;
    for (let i = 0; i < n; i++) {
      const id = records[i]!.CallID;
      if (named[idFilterHash(id)] === 0) continue;
      const linked = byOriginal.get(id);
      if (linked !== undefined) union(parent, linked, i);
    }
  }
  attachUnlinkedFollowUps(records, parent, starts, originals);

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
      const role = legRoleOf(record);
      // Alone: partial when it is one leg of a pair, or points at a record not loaded.
      const partial =
        isLegOne(role) ||
        role === "customer" ||
        (original !== undefined && original !== record.CallID);
      conversations.push(summarizeConversation([record], partial, starts[i]));
      continue;
    }
    if (root !== i) continue;
    const group = groups.get(root)!;
    group.sort(
      (a, b) =>
        byTime(starts[a]!, starts[b]!) ||
        LEG_ORDER[legRoleOf(records[a]!)] - LEG_ORDER[legRoleOf(records[b]!)] ||
        compareText(records[a]!.CallID, records[b]!.CallID),
    );
    const legs = group.map((k) => records[k]!);
    const partial = isPartial(
      legs,
      legs.map((leg) => legRoleOf(leg)),
      group.map((k) => originals[k]),
    );
    conversations.push(summarizeConversation(legs, partial, starts[group[0]!]));
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
