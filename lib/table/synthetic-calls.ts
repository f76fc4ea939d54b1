import type { ApiCall } from "@/lib/api-call";
import { seededRandom } from "@/lib/testing/seeded-random";
import { toIsoUtc } from "@/lib/voicenter/dates";

/**
 * Deterministic synthetic calls for benchmarks and tests of the table code (the realistic
 * generator is the simulator's; this one only needs plausible, varied values).
 */

const TYPES: ReadonlyArray<readonly [number, string]> = [
  [1, "Incoming Call"],
  [4, "Extension Outgoing"],
  [8, "Queue"],
  [10, "Click2Call leg2"],
  [11, "VoiceMail"],
];
const STATUSES = [
  "ANSWER",
  "ANSWER",
  "ANSWER",
  "NOANSWER",
  "BUSY",
  "ABANDONE",
  "CANCEL",
  "CONGESTION",
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

export function syntheticCalls(count: number, seed = 1): ApiCall[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const start = Date.UTC(2024, 2, 1);
  const calls = new Array<ApiCall>(count);
  for (let i = 0; i < count; i++) {
    const [cdrType, type] = pick(TYPES);
    const status = pick(STATUSES);
    const answered = status === "ANSWER";
    const agentIndex = Math.floor(random() * AGENTS.length);
    const recorded = answered && random() < 0.8;
    calls[i] = {
      CallID: `c${seed}-${i.toString(36)}`,
      Date: toIsoUtc(start + Math.floor(random() * 30 * 86_400) * 1000),
      Type: type,
      CdrType: cdrType,
      DialStatus: status,
      CallerNumber: `9725${Math.floor(random() * 1e8)
        .toString()
        .padStart(8, "0")}`,
      TargetNumber: `9723${Math.floor(random() * 1e7)
        .toString()
        .padStart(7, "0")}`,
      TargetExtension: `EXT${100 + agentIndex}`,
      RepresentativeName: answered ? AGENTS[agentIndex] : undefined,
      QueueName: pick(QUEUES),
      Duration: answered ? Math.floor(random() * 900) : 0,
      RingTime: Math.floor(random() * 40),
      Price: answered ? Math.floor(random() * 200) : 0,
      RecordExpect: recorded,
      HasRecording: recorded,
    };
  }
  return calls;
}
