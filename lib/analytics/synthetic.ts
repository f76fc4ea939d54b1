import type { ApiCall } from "@/lib/api-call";
import { seededRandom } from "@/lib/testing/seeded-random";
import { CALL_TYPES, type CallTypeId } from "@/lib/voicenter/call-types";
import type { DialStatus } from "@/lib/voicenter/dial-statuses";

const STATUS_WEIGHTS: ReadonlyArray<readonly [DialStatus, number]> = [
  ["ANSWER", 62],
  ["NOANSWER", 8],
  ["BUSY", 3],
  ["CANCEL", 5],
  ["ABANDONE", 9],
  ["TIMEOUT", 2],
  ["EXIT", 1],
  ["VOEND", 3],
  ["TE", 1],
  ["VOICEMAIL", 2],
  ["CHANUNAVAIL", 2],
  ["CONGESTION", 1],
  ["NOTDIALED", 1],
];
const TYPE_WEIGHTS: ReadonlyArray<readonly [CallTypeId, number]> = [
  [8, 50],
  [1, 15],
  [4, 25],
  [10, 5],
  [22, 5],
];

function weighted<T>(table: ReadonlyArray<readonly [T, number]>, random: () => number): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let pick = random() * total;
  for (const [value, weight] of table) {
    pick -= weight;
    if (pick < 0) return value;
  }
  return table[table.length - 1]![0];
}

/**
 * `count` plausible normalized calls spread evenly over [from, to), seeded: for benches
 * and tests only (the simulator is the realistic source).
 */
export function syntheticCalls(
  count: number,
  options: { from: number; to: number; seed?: number },
): ApiCall[] {
  const random = seededRandom(options.seed ?? 1);
  const span = options.to - options.from;
  const calls = new Array<ApiCall>(count);
  for (let i = 0; i < count; i++) {
    const status = weighted(STATUS_WEIGHTS, random);
    const type = weighted(TYPE_WEIGHTS, random);
    const at = options.from + Math.floor(random() * span);
    const customer = `05${String(Math.floor(random() * 20_000)).padStart(8, "0")}`;
    const outgoing = CALL_TYPES[type].direction === "outgoing";
    calls[i] = {
      CallID: `syn-${i}`,
      Date: new Date(Math.floor(at / 1000) * 1000).toISOString().replace(".000Z", "Z"),
      CdrType: type,
      Type: CALL_TYPES[type].name,
      DialStatus: status,
      CallerNumber: outgoing ? "0722776772" : customer,
      TargetNumber: outgoing ? `972${customer.slice(1)}` : "AAPINFzL",
      Duration: status === "ANSWER" ? Math.floor(-Math.log(1 - random()) * 150) : 0,
      RingTime: Math.floor(random() * 45),
      Price: Math.floor(random() * 40),
      HasRecording: status === "ANSWER",
    };
  }
  return calls;
}
