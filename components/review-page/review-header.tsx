"use client";

import { useTranslations } from "next-intl";

import { ShareButton } from "@/components/view-state/share-button";
import type { ReviewQueue } from "@/lib/review/queue";

/** The queue's title, "12 of 40 reviewed", where one is in it, and the not-yet-reviewed filter. */
export function ReviewHeader({
  queue,
  unreviewedOnly,
  onUnreviewedOnly,
  marksProblem,
}: {
  /** Null while the view loads. */
  queue: ReviewQueue | null;
  unreviewedOnly: boolean;
  onUnreviewedOnly: (on: boolean) => void;
  marksProblem: string | undefined;
}) {
  const t = useTranslations("review");
  const progress = queue?.progress;
  const share = progress && progress.total > 0 ? progress.reviewed / progress.total : 0;
  return (
    <header className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-3xl">
          <h2 id="review-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={unreviewedOnly}
              onChange={(event) => onUnreviewedOnly(event.currentTarget.checked)}
              data-testid="review-unreviewed"
            />
            {t("unreviewedOnly")}
          </label>
          <ShareButton />
        </div>
      </div>
      {progress && progress.total > 0 ? (
        <div className="flex flex-col gap-1">
          <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
            <p className="font-medium" data-testid="review-progress" aria-live="polite">
              {t("progress", { reviewed: progress.reviewed, total: progress.total })}
            </p>
            <p className="text-slate-600 dark:text-slate-400" data-testid="review-progress-detail">
              {t("progressDetail", { flagged: progress.flagged, mine: progress.mine })}
            </p>
            {queue.current ? (
              <p className="text-slate-600 dark:text-slate-400" data-testid="review-position">
                {t(unreviewedOnly ? "positionUnreviewed" : "position", {
                  index: queue.index + 1,
                  count: queue.items.length,
                })}
              </p>
            ) : null}
          </div>
          <div
            aria-hidden="true"
            className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          >
            <div
              className="h-full rounded-full bg-emerald-600"
              style={{ width: `${share * 100}%` }}
            />
          </div>
        </div>
      ) : null}
      {marksProblem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t("marksFailed", { message: marksProblem })}
        </p>
      ) : null}
    </header>
  );
}
