import {
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs";

import { RANGE_PRESETS } from "@/lib/time/date-range";
import type { CallsParamName } from "@/lib/view-state/calls-params";
import { DIAL_STATUS_NAMES } from "@/lib/voicenter/dial-statuses";

/**
 * The dashboard's URL: the one set of nuqs parsers for every piece of view state. The
 * filters the upstream applies keep the exact names of `/api/calls` (validated by the same
 * `parseCallsParams`); the rest is the page's own (preset range, status, duration, sort,
 * columns, open call).
 */

export interface SortEntry {
  id: string;
  desc: boolean;
}

/** `sort=Duration.desc,Date` — column ids with an optional `.desc`/`.asc`. */
export const parseAsSort = createParser<SortEntry[]>({
  parse(value) {
    const entries: SortEntry[] = [];
    for (const part of value.split(",")) {
      const match = /^([A-Za-z]+)(?:\.(asc|desc))?$/.exec(part.trim());
      if (!match?.[1]) return null;
      if (!entries.some((e) => e.id === match[1]))
        entries.push({ id: match[1], desc: match[2] === "desc" });
    }
    return entries.length ? entries : null;
  },
  serialize: (entries) => entries.map((e) => (e.desc ? `${e.id}.desc` : e.id)).join(","),
  eq: (a, b) =>
    a.length === b.length && a.every((e, i) => e.id === b[i]?.id && e.desc === b[i]?.desc),
});

const list = parseAsArrayOf(parseAsString, ",");
const ints = parseAsArrayOf(parseAsInteger, ",");

/** Filters the upstream applies: the `/api/calls` parameter names, as raw user input. */
export const upstreamFilterParsers = {
  from: parseAsString,
  to: parseAsString,
  phone: list,
  ext: list,
  queue: ints,
  type: ints,
  campaign: ints,
  callId: parseAsString,
  scope: parseAsString,
} satisfies Partial<Record<CallsParamName, unknown>>;

export const viewParsers = {
  ...upstreamFilterParsers,
  range: parseAsStringLiteral(RANGE_PRESETS),
  status: parseAsArrayOf(parseAsStringLiteral(DIAL_STATUS_NAMES), ","),
  minDur: parseAsInteger,
  maxDur: parseAsInteger,
  sort: parseAsSort,
  cols: list,
  call: parseAsString,
  /** KPI thresholds, seconds: short abandon, and "answered within" for the service level. */
  abandonS: parseAsInteger.withDefault(5),
  slaS: parseAsInteger.withDefault(20),
};

export type ViewParsers = typeof viewParsers;

/** What Reset clears: every filter and the open call; sort, columns and thresholds stay. */
export const CLEARED_FILTERS = Object.fromEntries(
  [...Object.keys(upstreamFilterParsers), "range", "status", "minDur", "maxDur", "call"].map(
    (key) => [key, null],
  ),
) as Partial<Record<keyof ViewParsers, null>>;

export const serializeView = createSerializer(viewParsers);
