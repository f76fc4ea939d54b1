"use client";

import { useLocale, useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import type { ReviewMark } from "@/lib/api/review";
import { formatDateTime } from "@/lib/format/date-time";

/** Every supervisor's mark on the current call: "Flagged by … on …", score and note. */
export function CallMarks({ marks, timeZone }: { marks: readonly ReviewMark[]; timeZone: string }) {
  const t = useTranslations("review");
  const locale = useLocale();
  return (
    <section aria-labelledby="review-marks-title" data-testid="review-marks">
      <h3 id="review-marks-title" className="mb-2 text-sm font-semibold">
        {t("marks.heading")}
      </h3>
      {marks.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="review-marks-none">
          {t("marks.none")}
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {marks.map((mark) => (
            <li
              key={mark.reviewerId}
              className="rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700"
              data-testid="review-mark"
              data-status={mark.status}
              data-mine={mark.mine || undefined}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span>
                  <MarkBadge status={mark.status} />{" "}
                  {t("marks.by", {
                    who: mark.mine ? t("marks.you") : mark.reviewerLabel,
                    when: formatDateTime(Date.parse(mark.updatedAt), { locale, timeZone }),
                  })}
                </span>
                {mark.score !== null ? (
                  <span className="font-medium" data-testid="review-mark-score">
                    {t("marks.score", { score: mark.score })}
                  </span>
                ) : null}
              </div>
              {mark.note ? (
                <p className="mt-1 whitespace-pre-wrap break-words" dir="auto">
                  {mark.note}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MarkBadge({ status }: { status: ReviewMark["status"] | null }) {
  const t = useTranslations("review.status");
  if (status === null) return <Badge tone="plain">{t("unmarked")}</Badge>;
  return <Badge tone={status === "flagged" ? "amber" : "emerald"}>{t(status)}</Badge>;
}
