import type { CallbackKpis } from "@/lib/analytics/callbacks";
import { delta, type Trend } from "@/lib/analytics/compare";
import type { ConversationKpiOptions, ConversationKpis } from "@/lib/analytics/conversation-kpis";

/**
 * The KPI strip's tiles: what each shows, how it is written, and which way is better (for
 * the colour of its change against the previous period). Messages: `kpis.tiles.<key>`
 * (label, caption, about).
 */

export type KpiFormat = "count" | "percent" | "seconds" | "duration" | "price";
export type KpiGroup = "inbound" | "outbound" | "all";
/** Which way of a change is good news; "none" where neither is (volume, talk time). */
export type Better = "up" | "down" | "none";

/** What a tile reads: the conversation KPIs and the callback figures of one period. */
export interface KpiInputs {
  kpis: ConversationKpis;
  callbacks: CallbackKpis | null;
}

export interface KpiTileDef {
  key: TileKey;
  group: KpiGroup;
  format: KpiFormat;
  better: Better;
  value: (inputs: KpiInputs) => number | null;
  /** The numbers the caption and description name (ICU arguments). */
  details: (inputs: KpiInputs, options: ConversationKpiOptions) => Record<string, number>;
  /** Computed after the others (a deferred pass): the callback figures. */
  deferred?: boolean;
}

export const TILE_KEYS = [
  "offered",
  "answeredRate",
  "abandonedRate",
  "shortAbandoned",
  "missed",
  "serviceLevel",
  "asa",
  "inboundAvgTalk",
  "attempts",
  "connectedRate",
  "outboundAvgTalk",
  "cost",
  "recorded",
  "notCalledBack",
] as const;
export type TileKey = (typeof TILE_KEYS)[number];

const pct = (ratio: number | null) => (ratio === null ? 0 : ratio * 100);

export const KPI_TILES: readonly KpiTileDef[] = [
  {
    key: "offered",
    group: "inbound",
    format: "count",
    better: "none",
    value: ({ kpis }) => kpis.inbound.offered,
    details: ({ kpis }) => ({ failed: kpis.inbound.failed, answered: kpis.inbound.answered }),
  },
  {
    key: "answeredRate",
    group: "inbound",
    format: "percent",
    better: "up",
    value: ({ kpis }) => kpis.inbound.answeredRate,
    details: ({ kpis }) => ({ count: kpis.inbound.answered, offered: kpis.inbound.offered }),
  },
  {
    key: "abandonedRate",
    group: "inbound",
    format: "percent",
    better: "down",
    value: ({ kpis }) => kpis.inbound.abandonedRate,
    details: ({ kpis }, o) => ({ count: kpis.inbound.abandoned, seconds: o.shortAbandonSeconds }),
  },
  {
    key: "shortAbandoned",
    group: "inbound",
    format: "count",
    better: "none",
    value: ({ kpis }) => kpis.inbound.shortAbandoned,
    details: ({ kpis }, o) => ({
      seconds: o.shortAbandonSeconds,
      percent: pct(kpis.inbound.shortAbandonedRate),
    }),
  },
  {
    key: "missed",
    group: "inbound",
    format: "count",
    better: "down",
    value: ({ kpis }) => kpis.inbound.missed,
    details: ({ kpis }) => ({
      percent: pct(kpis.inbound.missedRate),
      voicemail: kpis.inbound.voicemail,
    }),
  },
  {
    key: "serviceLevel",
    group: "inbound",
    format: "percent",
    better: "up",
    value: ({ kpis }) => kpis.inbound.serviceLevel,
    details: ({ kpis }, o) => ({
      seconds: o.serviceLevelSeconds,
      count: kpis.inbound.answeredWithinServiceLevel,
    }),
  },
  {
    key: "asa",
    group: "inbound",
    format: "seconds",
    better: "down",
    value: ({ kpis }) => kpis.inbound.avgSpeedOfAnswerSeconds,
    details: ({ kpis }) => ({ count: kpis.inbound.answered }),
  },
  {
    key: "inboundAvgTalk",
    group: "inbound",
    format: "duration",
    better: "none",
    value: ({ kpis }) => kpis.inbound.avgTalkSeconds,
    details: ({ kpis }) => ({ count: kpis.inbound.answered }),
  },
  {
    key: "attempts",
    group: "outbound",
    format: "count",
    better: "none",
    value: ({ kpis }) => kpis.outbound.attempts,
    details: ({ kpis }) => ({ failed: kpis.outbound.failed }),
  },
  {
    key: "connectedRate",
    group: "outbound",
    format: "percent",
    better: "up",
    value: ({ kpis }) => kpis.outbound.connectedRate,
    details: ({ kpis }) => ({ count: kpis.outbound.connected, attempts: kpis.outbound.attempts }),
  },
  {
    key: "outboundAvgTalk",
    group: "outbound",
    format: "duration",
    better: "none",
    value: ({ kpis }) => kpis.outbound.avgTalkSeconds,
    details: ({ kpis }) => ({ count: kpis.outbound.connected }),
  },
  {
    key: "cost",
    group: "all",
    format: "price",
    better: "down",
    value: ({ kpis }) => kpis.costAgorot,
    details: ({ kpis }) => ({ count: kpis.conversations }),
  },
  {
    key: "recorded",
    group: "all",
    format: "count",
    better: "up",
    value: ({ kpis }) => kpis.recorded,
    details: ({ kpis }) => ({ percent: pct(kpis.recordedRate) }),
  },
  {
    key: "notCalledBack",
    group: "all",
    format: "count",
    better: "down",
    value: ({ callbacks }) => callbacks?.notCalledBack ?? null,
    details: ({ callbacks }) => ({ rows: callbacks?.rows ?? 0 }),
    deferred: true,
  },
];

export type ChangeTone = "good" | "bad" | "neutral";

export interface TileChange {
  trend: Trend;
  tone: ChangeTone;
  /** The change in the tile's own unit: percentage points for a percent. */
  amount: number;
  previous: number;
}

/** A tile's change against the previous period; null when either value is missing. */
export function tileChange(
  def: Pick<KpiTileDef, "format" | "better">,
  value: number | null,
  previous: number | null,
): TileChange | null {
  const d = delta(value, previous);
  if (d.trend === null || d.change === null || d.previous === null) return null;
  const tone: ChangeTone =
    d.trend === "flat" || def.better === "none"
      ? "neutral"
      : (d.trend === "up") === (def.better === "up")
        ? "good"
        : "bad";
  const scale = def.format === "percent" ? 100 : 1;
  return { trend: d.trend, tone, amount: d.change * scale, previous: d.previous };
}
