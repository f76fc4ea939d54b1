"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { fetchSyncReport } from "@/lib/api/fetch-admin-sync";

import { CoverageTimeline } from "./coverage-timeline";
import { LastErrors } from "./last-errors";
import { RequestsPerHour } from "./requests-per-hour";
import { ResyncForm } from "./resync-form";
import { StatusCards } from "./status-cards";

/** The admin's sync page (inside AdminPage's frame): read from /api/admin/sync, refreshed every ten seconds. */
export function SyncAdmin() {
  const t = useTranslations("admin.sync");
  const report = useQuery({
    queryKey: ["admin", "sync"],
    queryFn: ({ signal }) => fetchSyncReport(signal),
    refetchInterval: 10_000,
  });
  return (
    <>
      {report.isPending ? (
        <p role="status">{t("loading")}</p>
      ) : report.isError ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {t("loadFailed", { message: report.error.message })}
        </p>
      ) : (
        <>
          {report.data.enabled ? null : <p role="note">{t("storeOff")}</p>}
          <StatusCards report={report.data} />
          <CoverageTimeline report={report.data} />
          <RequestsPerHour report={report.data} />
          <LastErrors report={report.data} />
          {report.data.enabled ? <ResyncForm onDone={() => void report.refetch()} /> : null}
        </>
      )}
    </>
  );
}
