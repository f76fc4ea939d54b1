import { figureColumn, type FigureColumn } from "@/components/figures-table/figures-table";
import type { FigureFormat } from "@/components/figures-table/use-figure-format";
import type { QueueTotals } from "@/lib/analytics/figure-totals";
import type { QueueRow } from "@/lib/analytics/queues";

export const QUEUE_COLUMN_IDS = [
  "queue",
  "offered",
  "answered",
  "abandoned",
  "shortAbandoned",
  "timeout",
  "exit",
  "full",
  "noAgents",
  "answerRate",
  "serviceLevel",
  "avgSpeedOfAnswerSeconds",
  "avgTalkSeconds",
  "longestWaitSeconds",
] as const;
export type QueueColumnId = (typeof QUEUE_COLUMN_IDS)[number];

type Translate = (
  key: `columns.${QueueColumnId}.${"label" | "about"}`,
  values?: Record<string, number>,
) => string;

/** The queues table's columns: each figure of `QueueRow`, written and totalled. */
export function queueColumns(
  t: Translate,
  f: FigureFormat,
  totals: QueueTotals,
  options: { shortAbandonSeconds: number; serviceLevelSeconds: number },
): FigureColumn<QueueRow>[] {
  const values = { seconds: options.shortAbandonSeconds, sla: options.serviceLevelSeconds };
  const column = (id: Exclude<QueueColumnId, "queue">, write: (value: number | null) => string) =>
    figureColumn<QueueRow, QueueTotals, typeof id>(
      id,
      { label: t(`columns.${id}.label`, values), about: t(`columns.${id}.about`, values) },
      write,
      totals,
    );
  const count = (n: number | null) => f.count(n ?? 0);
  return [
    {
      id: "queue",
      label: t("columns.queue.label"),
      about: t("columns.queue.about"),
      numeric: false,
      value: (row) => row.queue,
      render: (row) => <bdi>{row.queue}</bdi>,
      total: null,
    },
    column("offered", count),
    column("answered", count),
    column("abandoned", count),
    column("shortAbandoned", count),
    column("timeout", count),
    column("exit", count),
    column("full", count),
    column("noAgents", count),
    column("answerRate", f.percent),
    column("serviceLevel", f.percent),
    column("avgSpeedOfAnswerSeconds", f.seconds),
    column("avgTalkSeconds", f.duration),
    column("longestWaitSeconds", f.duration),
  ];
}
