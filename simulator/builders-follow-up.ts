import { DAY_MS } from "../lib/time/units";
import { outcomeOf } from "../lib/voicenter/dial-statuses";
import { outgoingCall, queueCall, transferCall } from "./builders-single";
import type { HourRoster } from "./calendar";
import { domesticDestination, isAnswered, type BuildContext } from "./call-parts";
import type { Directory } from "./directory";
import { createRng, hashInts, itemAt } from "./prng";
import { endsAt, type SimCall } from "./sim-call";

/**
 * Calls that follow other calls: an answered queue call handed on by its agent (13), and
 * agents calling back the customers the center missed (4). Both stay within the UTC day
 * they were generated for, as every generated call does.
 */

const DAY_S = DAY_MS / 1000;

/** 8 then 13: a queue call; when answered, the agent transfers the customer on. */
export function transferredQueueCall(ctx: BuildContext): SimCall[] {
  const call = queueCall(ctx);
  if (!isAnswered(call.status) || !call.agent) return [call];
  const handOver = endsAt(call);
  if (handOver >= (Math.floor(ctx.epoch / DAY_S) + 1) * DAY_S) return [call];
  const transfer = transferCall({ ...ctx, epoch: handOver }, call);
  return transfer ? [call, transfer] : [call];
}

/** What the day's call backs need to know about the day. */
export interface CallBackDay {
  seed: number;
  callsPerDay: number;
  dayIndex: number;
  directory: Directory;
  rosters: readonly HourRoster[];
}

/** Share of missed callers an agent calls back (those who left a voicemail message: more). */
export const CALL_BACK_SHARE = 0.5;
const CALL_BACK_SHARE_VOICEMAIL = 0.8;
/** Median delay from the end of the missed call to the call back. */
const CALL_BACK_MEDIAN_DELAY_S = 1500;

const CUSTOMER_CALLS = new Set<number>([1, 8, 11, 23]);

function isCustomerMiss(call: SimCall): boolean {
  if (!CUSTOMER_CALLS.has(call.cdrType) || !call.callerNumber.startsWith("0")) return false;
  const outcome = outcomeOf(call.status);
  return call.cdrType === 11
    ? outcome !== "failed"
    : outcome === "missed" || outcome === "abandoned";
}

/**
 * Agents' call backs of the day's missed customers: an outgoing call (4) to the number, some
 * minutes to hours later, by an agent on duty then. Drawn from their own seeded stream, so
 * they add to the day without changing the calls drawn before them.
 */
export function callBacks(calls: readonly SimCall[], day: CallBackDay): SimCall[] {
  const rng = createRng(hashInts(day.seed, day.dayIndex, day.callsPerDay, 0xcb));
  const dayStart = day.dayIndex * DAY_S;
  const out: SimCall[] = [];
  for (const miss of calls) {
    if (!isCustomerMiss(miss)) continue;
    const share =
      miss.cdrType === 11 && isAnswered(miss.status) ? CALL_BACK_SHARE_VOICEMAIL : CALL_BACK_SHARE;
    if (!rng.chance(share)) continue;
    const epoch = endsAt(miss) + rng.logNormal(CALL_BACK_MEDIAN_DELAY_S, 1, 60, 6 * 3600);
    const second = epoch - dayStart;
    if (second >= DAY_S) continue;
    const ctx: BuildContext = {
      rng,
      seed: day.seed,
      directory: day.directory,
      roster: itemAt(day.rosters, Math.floor(second / 3600)),
      epoch,
    };
    const local = miss.callerNumber;
    const call = outgoingCall(
      ctx,
      domesticDestination({ local, international: `972${local.slice(1)}` }),
    );
    if (call) out.push(call);
  }
  return out;
}
