import type { ApiCall } from "@/lib/api/calls-response";
import { DAY_MS } from "@/lib/time/units";
import { CALL_TYPES, type CallTypeId } from "@/lib/voicenter/call-types";
import { toIsoUtc } from "@/lib/voicenter/dates";
import type { DialStatus } from "@/lib/voicenter/dial-statuses";

import { seededRandom } from "./seeded-random";

/**
 * `count` plausible normalized calls, seeded, spread evenly over [from, to): for benchmarks
 * and for tests of the table and analytics code (the simulator is the realistic source).
 * Customers come from a pool small enough that some call again and some are never answered.
 */

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
  [11, 5],
];
const QUEUES = ["Sales", "Support", "Billing", "VIP", undefined];
const AGENTS = [
  "Dana Levi",
  "Yossi Cohen",
  "Noa Mizrahi",
  "Avi Peretz",
  "Maya Friedman",
  "Omer Biton",
];
const CUSTOMERS = 20_000;

function weighted<T>(table: ReadonlyArray<readonly [T, number]>, random: () => number): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let pick = random() * total;
  for (const [value, weight] of table) {
    pick -= weight;
    if (pick < 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}

export interface SyntheticOptions {
  seed?: number;
  /** Epoch ms; default 2024-03-01 UTC. */
  from?: number;
  /** Epoch ms, exclusive; default 30 days after `from`. */
  to?: number;
}

export function syntheticCalls(count: number, options: SyntheticOptions = {}): ApiCall[] {
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const from = options.from ?? Date.UTC(2024, 2, 1);
  const span = (options.to ?? from + 30 * DAY_MS) - from;
  const calls = new Array<ApiCall>(count);
  for (let i = 0; i < count; i++) {
    const status = weighted(STATUS_WEIGHTS, random);
    const cdrType = weighted(TYPE_WEIGHTS, random);
    const answered = status === "ANSWER";
    const agent = Math.floor(random() * AGENTS.length);
    const customer = `9725${String(Math.floor(random() * CUSTOMERS)).padStart(8, "0")}`;
    const outgoing = CALL_TYPES[cdrType].direction === "outgoing";
    const recorded = answered && random() < 0.8;
    calls[i] = {
      CallID: `c${seed}-${i.toString(36)}`,
      Date: toIsoUtc(from + Math.floor(random() * span)),
      CdrType: cdrType,
      Type: CALL_TYPES[cdrType].name,
      DialStatus: status,
      CallerNumber: outgoing ? "97237654321" : customer,
      TargetNumber: outgoing ? customer : `9723${String(agent).padStart(7, "0")}`,
      TargetExtension: `EXT${100 + agent}`,
      RepresentativeName: answered ? AGENTS[agent] : undefined,
      QueueName: cdrType === 8 ? QUEUES[Math.floor(random() * QUEUES.length)] : undefined,
      Duration: answered ? Math.floor(-Math.log(1 - random()) * 150) : 0,
      RingTime: Math.floor(random() * 45),
      Price: answered ? Math.floor(random() * 200) : 0,
      RecordExpect: recorded,
      HasRecording: recorded,
    };
  }
  return calls;
}
