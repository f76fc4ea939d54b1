"use client";

import { useTranslations } from "next-intl";

import { Card } from "@/components/ui/card";
import type { AdminSyncReport } from "@/lib/api/admin-sync";
import { HOUR_MS } from "@/lib/time/units";

import { useFormatInstant } from "./format";

const HOURS = 48;
const PARTS = [
  { key: "interactive", label: "people", tone: "bg-sky-600 dark:bg-sky-400" },
  { key: "sync", label: "sync", tone: "bg-emerald-600 dark:bg-emerald-400" },
  { key: "backfill", label: "backfill", tone: "bg-violet-500 dark:bg-violet-400" },
] as const;

type Hour = AdminSyncReport["requestsPerHour"][number];

/** Requests per hour for the last 48 hours, stacked: people, sync, backfill. */
export function RequestsPerHour({ report }: { report: AdminSyncReport }) {
  const t = useTranslations("admin.sync.requests");
  const at = useFormatInstant();
  const byHour = new Map(report.requestsPerHour.map((h) => [Date.parse(h.hour), h]));
  const last = Math.floor(Date.parse(report.now) / HOUR_MS) * HOUR_MS;
  const hours: Hour[] = Array.from({ length: HOURS }, (_, i) => {
    const start = last - (HOURS - 1 - i) * HOUR_MS;
    return (
      byHour.get(start) ?? {
        hour: new Date(start).toISOString(),
        sync: 0,
        backfill: 0,
        interactive: 0,
        failed: 0,
      }
    );
  });
  const total = (h: Hour) => h.sync + h.backfill + h.interactive;
  const most = Math.max(1, ...hours.map(total));
  return (
    <Card as="section" className="p-4" aria-labelledby="requests-title">
      <h2 id="requests-title" className="font-medium">
        {t("title")}
      </h2>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t("hint")}</p>
      {report.requestsPerHour.length === 0 ? (
        <p className="mt-3 text-sm">{t("none")}</p>
      ) : (
        <ol className="mt-3 flex h-32 items-end gap-px" data-testid="requests-per-hour">
          {hours.map((h) => {
            const label = t("hour", {
              hour: at(h.hour),
              interactive: h.interactive,
              sync: h.sync,
              backfill: h.backfill,
            });
            return (
              <li
                key={h.hour}
                className="flex h-full flex-1 flex-col justify-end"
                title={label}
                aria-label={label}
              >
                {PARTS.map((part) =>
                  h[part.key] > 0 ? (
                    <span
                      key={part.key}
                      className={part.tone}
                      style={{ height: `${(h[part.key] / most) * 100}%` }}
                    />
                  ) : null,
                )}
              </li>
            );
          })}
        </ol>
      )}
      <ul className="mt-2 flex flex-wrap gap-3 text-xs">
        {PARTS.map((part) => (
          <li key={part.key} className="flex items-center gap-1">
            <span className={`inline-block size-3 rounded-sm ${part.tone}`} aria-hidden />
            {t(part.label)}
          </li>
        ))}
      </ul>
    </Card>
  );
}
