"use client";

import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { AdminSyncReport } from "@/lib/api/admin-sync";

import { useFormatInstant } from "./format";

/** Sync, upstream, budget and backfill at a glance. */
export function StatusCards({ report }: { report: AdminSyncReport }) {
  const t = useTranslations("admin.sync.status");
  const at = useFormatInstant();
  const { sync, upstream, budget, backfill, settings } = report;
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <Card as="section" className="p-4" aria-labelledby="sync-card">
        <h2 id="sync-card" className="text-sm font-medium">
          {t("sync")}{" "}
          <Badge tone={sync.healthy ? "emerald" : "amber"}>
            {sync.healthy ? t("healthy") : t("behind")}
          </Badge>
        </h2>
        <p className="mt-2 text-sm">
          {sync.lagSeconds === null || sync.lagSeconds === undefined
            ? t("neverSynced")
            : t("lag", { seconds: sync.lagSeconds })}
        </p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {sync.leading
            ? t("leading")
            : sync.leader
              ? t("following", { leader: sync.leader })
              : t("noLeader")}
        </p>
        {sync.lastSuccessAt ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {t("lastSuccess", { at: at(sync.lastSuccessAt) })}
          </p>
        ) : null}
        {sync.lastError ? (
          <p className="mt-1 text-xs text-red-700 dark:text-red-400" data-testid="sync-last-error">
            {t("lastError", { at: at(sync.lastErrorAt ?? null), message: sync.lastError })}
          </p>
        ) : null}
      </Card>
      <Card as="section" className="p-4" aria-labelledby="upstream-card">
        <h2 id="upstream-card" className="text-sm font-medium">
          {t("upstream")}{" "}
          <Badge
            tone={
              upstream.reachable === null
                ? "slate"
                : upstream.reachable && !upstream.error
                  ? "emerald"
                  : "red"
            }
          >
            {upstream.reachable === null
              ? t("unknown")
              : upstream.reachable
                ? t("reachable")
                : t("unreachable")}
          </Badge>
        </h2>
        {upstream.refusedIp ? (
          <p className="mt-2 text-sm text-red-700 dark:text-red-400">
            {t("refusedIp", { ip: upstream.refusedIp })}
          </p>
        ) : upstream.error ? (
          <p className="mt-2 text-xs text-red-700 dark:text-red-400">{upstream.error}</p>
        ) : null}
      </Card>
      <Card as="section" className="p-4" aria-labelledby="budget-card">
        <h2 id="budget-card" className="text-sm font-medium">
          {t("budget")}
        </h2>
        <p className="mt-2 text-2xl font-semibold tabular-nums" data-testid="budget-used">
          {t("budgetUsed", { used: budget.used, limit: budget.limit })}
        </p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {t("budgetSplit", budget.byPurpose)}
        </p>
      </Card>
      <Card as="section" className="p-4" aria-labelledby="backfill-card">
        <h2 id="backfill-card" className="text-sm font-medium">
          {t("backfill")}
        </h2>
        <p className="mt-2 text-sm">
          {settings.backfillDays === 0
            ? t("backfillOff")
            : backfill.done
              ? t("backfillDone", { days: settings.backfillDays })
              : t("backfillLeft", { hours: backfill.remainingHours })}
        </p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {t("settings", {
            interval: settings.syncIntervalSeconds,
            overlap: settings.overlapMinutes,
            backfill: settings.backfillDays,
            retention: settings.retentionDays,
          })}
        </p>
      </Card>
    </div>
  );
}
