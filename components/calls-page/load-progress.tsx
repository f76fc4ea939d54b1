"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import type { LoadProgress } from "@/lib/api/query-options";

/**
 * How far the running load has come: a determinate bar once the range's size is known
 * (calls so far of the expected total, and the requests it cost at Voicenter), and Cancel.
 */
export function LoadProgressBar({
  progress,
  onCancel,
}: {
  progress: LoadProgress | null;
  onCancel?: () => void;
}) {
  const t = useTranslations("loading");
  const known = progress !== null && progress.expected > 0;
  return (
    <span className="flex flex-wrap items-center gap-2">
      {progress ? (
        <span
          className="flex items-center gap-2 tabular-nums"
          data-testid="load-progress"
          data-loaded={progress.loaded}
          data-expected={progress.expected}
        >
          <progress
            className="w-32"
            aria-label={t("progressLabel")}
            {...(known
              ? { max: progress.expected, value: Math.min(progress.loaded, progress.expected) }
              : {})}
          />
          {known
            ? t("progress", { loaded: progress.loaded, expected: progress.expected })
            : t("progressSoFar", { loaded: progress.loaded })}
          {progress.upstreamRequests > 0 ? (
            <span className="text-slate-500 dark:text-slate-400">
              · {t("requests", { requests: progress.upstreamRequests })}
            </span>
          ) : null}
        </span>
      ) : null}
      {onCancel ? (
        <Button variant="outline" size="sm" onClick={onCancel} data-testid="load-cancel">
          {t("cancel")}
        </Button>
      ) : null}
    </span>
  );
}
