import { lastFourDigits, roleCode, type RecordIndex } from "./record-index";
import { agentExtensionOf, customerKeyOf, legRoleOf, type ConversationRecord } from "./records";
import { union } from "./union-find";

/**
 * A transfer or forward record that carries no OriginalIvrUniqueID joins a call of the same
 * customer that was live when it started, or had ended at most this long before (and was
 * held by the extension the follow-up came from, when both records name it).
 */
const UNLINKED_FOLLOW_UP_GRACE_MS = 15_000;

const TRANSFER = roleCode("transfer");
const FORWARD = roleCode("forward");

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
  const role = legRoleOf(record);
  if (role !== "transfer" && role !== "forward") return agentExtensionOf(record);
  return record.TargetExtension ? record.TargetExtension : undefined;
}

/**
 * Links each unlinked transfer/forward to the latest-starting record of the same customer
 * that was live at its start (another follow-up included, so a chain of transfers holds),
 * held by the extension the follow-up came from when both records name one. Reads only the
 * index, but for the few records that pass its time and number-ending tests.
 */
export function attachUnlinkedFollowUps(
  records: readonly ConversationRecord[],
  parent: Int32Array,
  index: RecordIndex,
): void {
  const { starts, ends, roles, tails, originals } = index;
  const orphans: number[] = [];
  const keys = new Map<string, number[]>();
  const endings = new Uint8Array(10_000);
  for (let i = 0; i < records.length; i++) {
    const role = roles[i];
    if ((role !== TRANSFER && role !== FORWARD) || originals[i] !== undefined) continue;
    const key = customerKeyOf(records[i]!);
    if (key === undefined || Number.isNaN(starts[i])) continue;
    orphans.push(i);
    keys.set(key, []);
    endings[lastFourDigits(key)] = 1;
  }
  if (orphans.length === 0) return;

  // Candidates: live when some follow-up started, their number ending as one's does. The
  // next follow-up start is walked forward while records come in time order.
  const orphanStarts = Float64Array.from(orphans, (i) => starts[i]!).sort();
  let next = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < records.length; i++) {
    const start = starts[i]!;
    const tail = tails[i]!;
    if (Number.isNaN(start) || tail < 0 || endings[tail] === 0) continue;
    if (start < previous || start - previous > 60_000) next = lowerBound(orphanStarts, start);
    else while (next < orphanStarts.length && orphanStarts[next]! < start) next++;
    previous = start;
    const followUp = orphanStarts[next];
    if (followUp === undefined || followUp > ends[i]! + UNLINKED_FOLLOW_UP_GRACE_MS) continue;
    const key = customerKeyOf(records[i]!);
    if (key !== undefined) keys.get(key)?.push(i);
  }

  const byCallId = (a: number, b: number) => {
    const x = records[a]!.CallID;
    const y = records[b]!.CallID;
    return x < y ? -1 : x > y ? 1 : 0;
  };
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
      if (ends[other]! + UNLINKED_FOLLOW_UP_GRACE_MS >= at) {
        union(parent, orphan, other);
        break;
      }
    }
  }
}
