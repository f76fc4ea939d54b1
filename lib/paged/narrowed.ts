import type { ApiCall } from "@/lib/api/calls-response";
import type { StoreFilter } from "@/lib/store/filter";
import { extensionSpellings, phoneSpellings } from "@/lib/voicenter/matching";

/**
 * A range's upstream filters (numbers, extensions, types, one call) as a test of the
 * records readCompact reads — the same match as the store's SQL (lib/store/filter.ts, by
 * lib/voicenter/matching.ts) — so a view narrowed from a range whose records the server
 * holds is answered from them, without a read. Undefined when the filter narrows by
 * nothing, or by what only the store's columns hold.
 */

type Test = (call: ApiCall) => boolean;

const STORE_ONLY = [
  "dialStatuses",
  "minDuration",
  "maxDuration",
  "representativeCodes",
  "queueNames",
  "dids",
  "hasRecording",
] as const satisfies readonly (keyof StoreFilter)[];

/** The filter's range alone. */
export const rangeOf = (filter: StoreFilter): StoreFilter => ({ from: filter.from, to: filter.to });

export function upstreamTest(filter: StoreFilter): Test | undefined {
  if (STORE_ONLY.some((key) => filter[key] !== undefined)) return undefined;
  const tests: Test[] = [];
  if (filter.phones?.length) {
    const spellings = new Set(phoneSpellings(filter.phones));
    tests.push(
      (c) =>
        (c.CallerNumber !== undefined && spellings.has(c.CallerNumber)) ||
        (c.TargetNumber !== undefined && spellings.has(c.TargetNumber)) ||
        (c.DID !== undefined && spellings.has(c.DID)),
    );
  }
  if (filter.extensions?.length) {
    const spellings = new Set(extensionSpellings(filter.extensions));
    tests.push(
      (c) =>
        (c.TargetExtension !== undefined && spellings.has(c.TargetExtension)) ||
        (c.CallerExtension !== undefined && spellings.has(c.CallerExtension)),
    );
  }
  if (filter.cdrTypes?.length) {
    const types = new Set<unknown>(filter.cdrTypes);
    tests.push((c) => types.has(c.CdrType));
  }
  if (filter.callId) {
    const id = filter.callId.trim();
    tests.push((c) => c.CallID === id);
  }
  if (tests.length === 0) return undefined;
  return (call) => tests.every((test) => test(call));
}
