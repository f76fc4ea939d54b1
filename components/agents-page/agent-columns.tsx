import { figureColumn, type FigureColumn } from "@/components/figures-table/figures-table";
import type { FigureFormat } from "@/components/figures-table/use-figure-format";
import type { AgentRow } from "@/lib/analytics/agents";
import type { AgentTotals } from "@/lib/analytics/figure-totals";

type Translate = (key: `columns.${AgentColumnId}.${"label" | "about"}`) => string;

export const AGENT_COLUMN_IDS = [
  "name",
  "inboundAnswered",
  "missed",
  "outboundAttempts",
  "outboundConnected",
  "talkSeconds",
  "avgTalkSeconds",
  "avgRingSeconds",
  "longestTalkSeconds",
  "recordedShare",
  "costAgorot",
] as const;
export type AgentColumnId = (typeof AGENT_COLUMN_IDS)[number];

/** The agents table's columns: each figure of `AgentRow`, written and totalled. */
export function agentColumns(
  t: Translate,
  f: FigureFormat,
  totals: AgentTotals,
): FigureColumn<AgentRow>[] {
  const column = (id: Exclude<AgentColumnId, "name">, write: (value: number | null) => string) =>
    figureColumn<AgentRow, AgentTotals, typeof id>(
      id,
      { label: t(`columns.${id}.label`), about: t(`columns.${id}.about`) },
      write,
      totals,
    );
  const count = (n: number | null) => f.count(n ?? 0);
  return [
    {
      id: "name",
      label: t("columns.name.label"),
      about: t("columns.name.about"),
      numeric: false,
      value: (row) => row.name,
      render: (row) => (
        <span className="flex flex-col items-start">
          <bdi>{row.name}</bdi>
          <span className="text-xs font-normal text-slate-500 dark:text-slate-400" dir="ltr">
            {[row.code, ...row.extensions.filter((e) => e !== row.code)]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </span>
      ),
      total: null,
    },
    column("inboundAnswered", count),
    column("missed", count),
    column("outboundAttempts", count),
    column("outboundConnected", count),
    column("talkSeconds", f.duration),
    column("avgTalkSeconds", f.duration),
    column("avgRingSeconds", f.seconds),
    column("longestTalkSeconds", f.duration),
    column("recordedShare", f.percent),
    column("costAgorot", (n) => f.price(n ?? 0)),
  ];
}
