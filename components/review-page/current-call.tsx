"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";

import { useFieldText } from "@/components/drawer/field-value";
import { AppLink } from "@/components/ui/app-link";
import { buttonClass } from "@/components/ui/button";
import type { ApiCall } from "@/lib/api/calls-response";
import { dashboardHref } from "@/lib/navigation/dashboard-pages";
import type { ColumnId } from "@/lib/table/columns";

const FIELDS = [
  "Date",
  "Type",
  "DialStatus",
  "RepresentativeName",
  "CallerNumber",
  "TargetNumber",
  "QueueName",
  "Duration",
] as const satisfies readonly ColumnId[];

/** What the current call is (when, who, how it went), and a way to its details on /calls. */
export function CurrentCall({
  call,
  callId,
  timeZone,
}: {
  call: ApiCall | undefined;
  callId: string;
  timeZone: string;
}) {
  const t = useTranslations("review");
  const tt = useTranslations("table");
  const text = useFieldText(timeZone);
  const search = useSearchParams().toString();
  const shown = call ? FIELDS.filter((id) => text(call, id) !== "") : [];
  return (
    <section aria-labelledby="review-current-title" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="review-current-title" className="text-sm font-semibold">
          {t("current")} ·{" "}
          <span dir="ltr" className="break-all">
            {callId}
          </span>
        </h3>
        <AppLink
          href={dashboardHref("/calls", search, { call: callId })}
          className={buttonClass({ variant: "link", size: "sm" })}
        >
          {t("details")}
        </AppLink>
      </div>
      {call ? (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
          {shown.map((id) => (
            <div key={id} className="min-w-0">
              <dt className="text-xs text-slate-500 dark:text-slate-400">{tt(`columns.${id}`)}</dt>
              <dd className="truncate" dir="auto">
                {text(call, id)}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
