import type { ApiCall } from "@/lib/api/calls-response";

import { ABANDONED, ANSWERED, MISSED, outcomeIndexOf } from "./outcomes";

export interface KpiOptions {
  /** An abandoned call that rang less than this is a short abandon. */
  shortAbandonSeconds: number;
  /** Service level counts answered calls that rang at most this long. */
  serviceLevelSeconds: number;
}

export interface Kpis {
  total: number;
  /** Offered = answered + missed + abandoned: failed calls never reached anyone to answer them. */
  offered: number;
  answered: number;
  missed: number;
  /** Includes the short abandons. */
  abandoned: number;
  /** Abandoned calls with a RingTime below shortAbandonSeconds (RingTime stands in for wait time). */
  shortAbandoned: number;
  failed: number;
  /** Ratios 0–1 of offered; null when nothing was offered. */
  answeredRate: number | null;
  missedRate: number | null;
  abandonedRate: number | null;
  shortAbandonedRate: number | null;
  /** Mean Duration of answered calls that carry one; null when none does. */
  avgTalkSeconds: number | null;
  /** Mean RingTime of answered calls (ASA, approximately); null when none carries one. */
  avgRingSeconds: number | null;
  /** Answered calls with RingTime ≤ serviceLevelSeconds (a missing RingTime does not count). */
  answeredWithinServiceLevel: number;
  /** answeredWithinServiceLevel ÷ offered; null when nothing was offered. */
  serviceLevel: number | null;
  /** Sum of Price, in agorot. */
  totalCostAgorot: number;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Call-center KPIs over the calls the viewer sees, in one pass (caller stats: computeCallerStats). */
export function computeKpis(calls: readonly ApiCall[], options: KpiOptions): Kpis {
  const { shortAbandonSeconds, serviceLevelSeconds } = options;
  let answered = 0;
  let missed = 0;
  let abandoned = 0;
  let shortAbandoned = 0;
  let failed = 0;
  let talkSum = 0;
  let talkCount = 0;
  let ringSum = 0;
  let ringCount = 0;
  let withinServiceLevel = 0;
  let cost = 0;

  for (const call of calls) {
    const outcome = outcomeIndexOf(call.DialStatus);
    const ring = call.RingTime;
    if (call.Price !== undefined) cost += call.Price;
    switch (outcome) {
      case ANSWERED:
        answered++;
        if (call.Duration !== undefined) {
          talkSum += call.Duration;
          talkCount++;
        }
        if (ring !== undefined) {
          ringSum += ring;
          ringCount++;
          if (ring <= serviceLevelSeconds) withinServiceLevel++;
        }
        break;
      case MISSED:
        missed++;
        break;
      case ABANDONED:
        abandoned++;
        if (ring !== undefined && ring < shortAbandonSeconds) shortAbandoned++;
        break;
      default:
        failed++;
        break;
    }
  }

  const offered = answered + missed + abandoned;
  return {
    total: calls.length,
    offered,
    answered,
    missed,
    abandoned,
    shortAbandoned,
    failed,
    answeredRate: ratio(answered, offered),
    missedRate: ratio(missed, offered),
    abandonedRate: ratio(abandoned, offered),
    shortAbandonedRate: ratio(shortAbandoned, offered),
    avgTalkSeconds: talkCount > 0 ? talkSum / talkCount : null,
    avgRingSeconds: ringCount > 0 ? ringSum / ringCount : null,
    answeredWithinServiceLevel: withinServiceLevel,
    serviceLevel: ratio(withinServiceLevel, offered),
    totalCostAgorot: cost,
  };
}
