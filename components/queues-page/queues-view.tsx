"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";

import { FiguresPage } from "@/components/dashboard/figures-page";
import { useDashboard } from "@/components/dashboard/use-dashboard";
import { useFigureFormat } from "@/components/figures-table/use-figure-format";
import { totalQueues } from "@/lib/analytics/figure-totals";
import { computeQueueStats } from "@/lib/analytics/queues";

import { queueColumns } from "./queue-columns";

/** `/queues`: per queue, what was offered and how it ended, answer rate, service level, waits. */
export function QueuesView({ defaultTimeZone }: { defaultTimeZone: string }) {
  const dashboard = useDashboard(defaultTimeZone);
  const t = useTranslations("queues");
  const format = useFigureFormat();
  const { abandonS, slaS } = dashboard.view;
  const conversations = dashboard.conversations?.shown.conversations;
  const rows = useMemo(
    () =>
      conversations
        ? computeQueueStats(conversations, {
            shortAbandonSeconds: abandonS,
            serviceLevelSeconds: slaS,
          })
        : null,
    [conversations, abandonS, slaS],
  );
  const columns = useMemo(
    () =>
      rows
        ? queueColumns(t, format, totalQueues(rows), {
            shortAbandonSeconds: abandonS,
            serviceLevelSeconds: slaS,
          })
        : [],
    [rows, t, format, abandonS, slaS],
  );
  return (
    <FiguresPage
      dashboard={dashboard}
      texts={{
        title: t("title"),
        intro: t("intro", { seconds: abandonS, sla: slaS }),
        count: rows ? t("count", { count: rows.length }) : null,
        empty: t("empty"),
        caption: t("caption"),
        total: t("total"),
      }}
      testId="queues-table"
      rows={rows}
      columns={columns}
      rowKey={(row) => row.queue}
      drillDown={(row) => ({ queueName: row.queue })}
      rowLinkLabel={(row) => t("openCalls", { name: row.queue })}
    />
  );
}
