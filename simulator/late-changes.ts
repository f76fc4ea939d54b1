import { hashInts, hashText } from "./prng";
import { endsAt, hasRecording, VISIBILITY_DELAY_S, type SimCall } from "./sim-call";

/**
 * The test switch for records that change after they first appear, as real ones do: for a
 * deterministic share of calls (SIMULATOR_LATE_CHANGE_RATE), the upstream first sends the
 * record without its recording link and with the status "ANSWER" for a call that was not
 * answered, and sends it corrected LATE_CHANGE_AFTER_S seconds later.
 */

export const LATE_CHANGE_AFTER_S = 600;

export function changesLate(call: SimCall, seed: number, rate: number): boolean {
  if (rate <= 0) return false;
  // a fraction in [0, 1) drawn from the call id, the same every run
  return hashInts(seed, 0x1a7e, hashText(call.callId)) / 0x1_0000_0000 < rate;
}

/** When the corrected record appears (epoch ms). */
export function correctedAt(call: SimCall): number {
  return (endsAt(call) + VISIBILITY_DELAY_S + LATE_CHANGE_AFTER_S) * 1000;
}

/** The call as the upstream shows it at `nowMs`: its first version until it is corrected. */
export function asSeenAt(call: SimCall, nowMs: number, seed: number, rate: number): SimCall {
  if (!changesLate(call, seed, rate) || nowMs >= correctedAt(call)) return call;
  if (hasRecording(call)) return { ...call, recorded: false };
  return call.status === "ANSWER" ? call : { ...call, status: "ANSWER" };
}
