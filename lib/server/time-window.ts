import { SECOND_MS } from "@/lib/time/units";

/**
 * A window is what one upstream request asks for: `fromdate`..`todate`, both whole seconds
 * and both inclusive (the upstream works in seconds; neighbours may share a boundary second,
 * and the duplicates this fetches are removed by CallID).
 */
export interface TimeWindow {
  from: number;
  to: number;
}

export function floorToSecond(ms: number): number {
  return Math.floor(ms / SECOND_MS) * SECOND_MS;
}

/**
 * The upstream window of a half-open query range [from, to): whole seconds, `to` inclusive.
 * Undefined when the range holds no whole second.
 */
export function upstreamWindow(from: number, to: number): TimeWindow | undefined {
  const start = Math.ceil(from / SECOND_MS) * SECOND_MS;
  const end = Math.ceil(to / SECOND_MS) * SECOND_MS - SECOND_MS;
  return end >= start ? { from: start, to: end } : undefined;
}

export function secondsIn(window: TimeWindow): number {
  return (window.to - window.from) / SECOND_MS + 1;
}
