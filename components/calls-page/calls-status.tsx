"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import type { ApiErrorCode } from "@/lib/api/error-codes";
import { CallsRequestError, type ClientErrorCode } from "@/lib/api/fetch-calls";
import type { LoadProgress } from "@/lib/api/query-options";
import type { CallsLoad } from "@/lib/api/streamed-calls";

import { LoadProgressBar } from "./load-progress";

/** Error codes with their own explanation and advice (`calls.errors.<code>`). */
const EXPLAINED = [
  "upstream_rate_limited",
  "upstream_unauthorized",
  "upstream_untrusted_ip",
  "upstream_out_of_range",
  "upstream_timeout",
  "upstream_unreachable",
  "upstream_failed",
  "upstream_malformed",
  "network",
] as const satisfies readonly (ApiErrorCode | ClientErrorCode)[];

function isExplained(code: string): code is (typeof EXPLAINED)[number] {
  return (EXPLAINED as readonly string[]).includes(code);
}

interface CallsStatusProps {
  query: UseQueryResult<CallsLoad>;
  loading: boolean;
  /** The running load's progress (its stream's events), while one runs. */
  progress: LoadProgress | null;
  /** Stops the running load; absent when none runs. */
  onCancel?: () => void;
  refreshing: boolean;
  empty: boolean;
  onWiden: () => void;
  onRetry: () => void;
}

const banner = "flex flex-wrap items-start gap-3 rounded-lg border px-4 py-3 text-sm";

/** Loading, empty, error, incomplete and unreadable-record states, each saying what to do. */
export function CallsStatus({
  query,
  loading,
  progress,
  onCancel,
  refreshing,
  empty,
  onWiden,
  onRetry,
}: CallsStatusProps) {
  const t = useTranslations("calls");
  const tl = useTranslations("loading");
  const data = query.data;

  if (query.isError) {
    const error = query.error;
    const code = error instanceof CallsRequestError ? error.code : "unknown";
    const retrying = code === "upstream_rate_limited" && query.isFetching;
    return (
      <div
        role="alert"
        data-error-code={code}
        className={`${banner} border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200`}
      >
        <div className="min-w-0 flex-1">
          <p className="font-semibold">
            {isExplained(code) ? t(`errors.${code}`) : t("errors.generic")}
          </p>
          <p className="mt-1">{error.message}</p>
          {retrying ? <p className="mt-1">{t("retrying")}</p> : null}
        </div>
        <Button variant="inherit" size="sm" onClick={onRetry}>
          {t("retry")}
        </Button>
      </div>
    );
  }

  return (
    <>
      {loading || progress ? (
        <div
          role="status"
          className={`${banner} items-center border-slate-200 dark:border-slate-700`}
          data-testid="loading"
        >
          <span
            className="size-4 animate-spin rounded-full border-2 border-sky-600 border-t-transparent motion-reduce:animate-none"
            aria-hidden="true"
          />
          <span className="flex-1">{t("loadingLong")}</span>
          <LoadProgressBar progress={progress} onCancel={onCancel} />
        </div>
      ) : null}
      {refreshing ? (
        <p className="sr-only" role="status">
          {t("loading")}
        </p>
      ) : null}
      {empty ? (
        <div className={`${banner} border-slate-200 dark:border-slate-700`} data-testid="empty">
          <p className="flex-1">{t("empty")}</p>
          <Button variant="primary" size="sm" onClick={onWiden}>
            {t("widen")}
          </Button>
        </div>
      ) : null}
      {data?.partial === "cancelled" ? (
        <div
          role="alert"
          data-testid="load-cancelled"
          className={`${banner} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200`}
        >
          <p className="flex-1">
            {tl("cancelled", { loaded: data.calls.length, total: data.upstreamTotal ?? 0 })}
          </p>
          <Button variant="inherit" size="sm" onClick={onRetry}>
            {tl("loadAll")}
          </Button>
        </div>
      ) : null}
      {data && !data.complete && !data.partial ? (
        <div
          role="alert"
          className={`${banner} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200`}
        >
          <p className="flex-1">
            {t("incomplete", {
              loaded: data.calls.length,
              total: data.upstreamTotal ?? data.total,
              reason: data.incompleteReason ?? "",
            })}
          </p>
          <Button variant="inherit" size="sm" onClick={onRetry}>
            {t("retry")}
          </Button>
        </div>
      ) : null}
      {data && data.rejected.count > 0 ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          {t("rejected", { count: data.rejected.count, reasons: data.rejected.reasons.join("; ") })}
        </p>
      ) : null}
    </>
  );
}
