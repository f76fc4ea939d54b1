import {
  createParser,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";

import { RANGE_PRESETS } from "@/lib/time/date-range";
import type { CallsParamName } from "@/lib/view-state/calls-params-core";
import { DIAL_STATUS_NAMES } from "@/lib/voicenter/dial-statuses";

/**
 * The dashboard's URL: the one set of nuqs parsers for every piece of view state, shared by
 * every page. The filters the upstream applies keep the exact names of `/api/calls` and are
 * validated by its parser (`calls-params.ts`, beside this file); the rest is the pages' own
 * (preset range, status, duration, thresholds, sort, columns, open call).
 */

export interface SortEntry {
  id: string;
  desc: boolean;
}

/** `sort=Duration.desc,Date` — column ids with an optional `.desc`/`.asc`. */
const parseAsSort = createParser<SortEntry[]>({
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

/** One local hour of one weekday: `when=2-14` is Tuesday 14:00–15:00 in the viewer's zone. */
export interface WeekHour {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 0–23. */
  hour: number;
}

const parseAsWeekHour = createParser<WeekHour>({
  parse(value) {
    const match = /^([0-6])-(\d{1,2})$/.exec(value.trim());
    const hour = Number(match?.[2]);
    return match && hour <= 23 ? { weekday: Number(match[1]), hour } : null;
  },
  serialize: ({ weekday, hour }) => `${weekday}-${hour}`,
  eq: (a, b) => a.weekday === b.weekday && a.hour === b.hour,
});

/** The table's rows: one per conversation (the default) or one per record. */
export const ROW_MODES = ["conversations", "records"] as const;
export type RowMode = (typeof ROW_MODES)[number];

/** What the hour × weekday heatmap shows. */
export const HEATMAP_METRICS = ["volume", "answerRate", "missed"] as const;
export type HeatmapMetric = (typeof HEATMAP_METRICS)[number];

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

/** What decides the `/api/calls` request: its filters, and the preset used without from/to. */
export const requestParsers = {
  ...upstreamFilterParsers,
  range: parseAsStringLiteral(RANGE_PRESETS),
};
export type UpstreamFilters = inferParserType<typeof requestParsers>;

/** Everything the filter bar edits: the upstream filters plus those applied in the browser. */
export const filterParsers = {
  ...requestParsers,
  status: parseAsArrayOf(parseAsStringLiteral(DIAL_STATUS_NAMES), ","),
  minDur: parseAsInteger,
  maxDur: parseAsInteger,
  /** KPI thresholds, seconds: short abandon, and "answered within" for the service level. */
  abandonS: parseAsInteger.withDefault(5),
  slaS: parseAsInteger.withDefault(20),
  /**
   * Drill-downs the upstream cannot express, applied in the browser: an agents-table row key
   * (`code:1023`, `user:dana`, `ext:201`), a queue by name (records name queues, not ids),
   * and a heatmap cell.
   */
  agent: parseAsString,
  queueName: parseAsString,
  when: parseAsWeekHour,
};
export type FilterValues = inferParserType<typeof filterParsers>;

export const viewParsers = {
  ...filterParsers,
  /** The page's own table sort (each page reads the ids of its own columns). */
  sort: parseAsSort,
  cols: list,
  call: parseAsString,
  rows: parseAsStringLiteral(ROW_MODES).withDefault("conversations"),
  /** Show every KPI beside its value in the previous period of equal length. */
  compare: parseAsBoolean.withDefault(false),
  heat: parseAsStringLiteral(HEATMAP_METRICS).withDefault("volume"),
};
export type ViewValues = inferParserType<typeof viewParsers>;

/** Parameters that belong to one page: a link to another page leaves them behind. */
export const PAGE_OWN_PARAMS = ["sort", "call"] as const satisfies readonly (keyof ViewValues)[];

/** What Reset clears: every filter and the open call; sort, columns and thresholds stay. */
export const CLEARED_FILTERS = Object.fromEntries(
  [
    ...Object.keys(requestParsers),
    "status",
    "minDur",
    "maxDur",
    "agent",
    "queueName",
    "when",
    "call",
  ].map((key) => [key, null]),
) as Partial<Record<keyof typeof viewParsers, null>>;
