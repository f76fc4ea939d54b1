"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { fetchSyncReport } from "@/lib/api/fetch-admin-sync";

import { CoverageTimeline } from "./coverage-timeline";
import { LastErrors } from "./last-errors";
import { RequestsPerHour } from "./requests-per-hour";
import { ResyncForm } from "./resync-form";
import { StatusCards } from "./status-cards";

/** The admin's sync page: read from /api/admin/sync, refreshed every ten seconds. */
export function SyncAdmin() {
  const t = useTranslations("admin.sync");
  const report = useQuery({
    queryKey: ["admin", "sync"],
    queryFn: ({ signal }) => fetchSyncReport(signal),
    refetchInterval: 10_000,
  });
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-4 p-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">{t("subtitle")}</p>
      </div>
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
    </main>
  );
}
