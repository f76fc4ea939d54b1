"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";

import { FiguresPage } from "@/components/dashboard/figures-page";
import { useDashboard } from "@/components/dashboard/use-dashboard";
import { useFigureFormat } from "@/components/figures-table/use-figure-format";
import { computeAgentStats } from "@/lib/analytics/agents";
import { totalAgents } from "@/lib/analytics/figure-totals";

import { agentColumns } from "./agent-columns";

/** `/agents`: per agent, what they answered, missed, dialled, talked and cost; a row opens their calls. */
export function AgentsView({ defaultTimeZone }: { defaultTimeZone: string }) {
  const dashboard = useDashboard(defaultTimeZone);
  const t = useTranslations("agents");
  const format = useFigureFormat();
  const conversations = dashboard.conversations?.shown.conversations;
  const rows = useMemo(
    () => (conversations ? computeAgentStats(conversations) : null),
    [conversations],
  );
  const columns = useMemo(
    () => (rows ? agentColumns(t, format, totalAgents(rows)) : []),
    [rows, t, format],
  );
  return (
    <FiguresPage
      dashboard={dashboard}
      texts={{
        title: t("title"),
        intro: t("intro"),
        count: rows
          ? t("count", { count: rows.length, conversations: conversations?.length ?? 0 })
          : null,
        empty: t("empty"),
        caption: t("caption"),
        total: t("total"),
      }}
      testId="agents-table"
      rows={rows}
      columns={columns}
      rowKey={(row) => row.key}
      drillDown={(row) => ({ agent: row.key })}
      rowLinkLabel={(row) => t("openCalls", { name: row.name })}
    />
  );
}
