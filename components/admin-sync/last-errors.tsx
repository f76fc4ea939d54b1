"use client";

import { useTranslations } from "next-intl";

import { Card } from "@/components/ui/card";
import type { AdminSyncReport } from "@/lib/api/admin-sync";

import { useFormatInstant } from "./format";

const PURPOSES = new Set(["interactive", "sync", "backfill"]);

/** The last failed upstream requests, newest first. */
export function LastErrors({ report }: { report: AdminSyncReport }) {
  const t = useTranslations("admin.sync");
  const at = useFormatInstant();
  return (
    <Card as="section" className="p-4" aria-labelledby="errors-title">
      <h2 id="errors-title" className="font-medium">
        {t("errors.title")}
      </h2>
      {report.errors.length === 0 ? (
        <p className="mt-2 text-sm">{t("errors.none")}</p>
      ) : (
        <table className="mt-2 w-full text-start text-sm">
          <thead className="text-xs text-slate-500 dark:text-slate-400">
            <tr>
              <th className="py-1 text-start font-normal">{t("errors.at")}</th>
              <th className="py-1 text-start font-normal">{t("errors.purpose")}</th>
              <th className="py-1 text-start font-normal">{t("errors.what")}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((error) => (
              <tr
                key={`${error.at}-${error.error}`}
                className="border-t border-slate-100 dark:border-slate-800"
              >
                <td className="py-1 pe-3 whitespace-nowrap tabular-nums">{at(error.at)}</td>
                <td className="py-1 pe-3">
                  {PURPOSES.has(error.purpose)
                    ? t(`purpose.${error.purpose as "interactive" | "sync" | "backfill"}`)
                    : error.purpose}
                </td>
                <td className="py-1">{error.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
