"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";

import type { Dashboard } from "@/components/dashboard/use-dashboard";
import type { ApiCall } from "@/lib/api/calls-response";
import { listedRecordings } from "@/lib/dashboard/recorded-stops";
import { reviewQueue } from "@/lib/review/queue";
import { sortKeysFor } from "@/lib/table/columns";

import { useReviewMarks } from "./use-review-marks";

const NO_IDS: readonly string[] = [];
const noLegs = () => undefined;

/**
 * The view's review queue: its recorded calls in the order /calls lists them (the URL's
 * sort, conversations' legs beneath their row), everyone's marks on them, and the position
 * the URL names (`call`).
 */
export function useReviewQueue(dashboard: Dashboard) {
  const { view, engine, conversations, sorting, calls } = dashboard;
  const tt = useTranslations("table");
  const locale = useLocale();
  const records = view.rows === "records";
  const rows = records ? dashboard.shownRecords : (conversations?.shown.rows ?? null);
  const legsOf = records || !engine ? noLegs : engine.legsOfRow;
  const stops = useMemo(
    () =>
      rows
        ? listedRecordings(
            rows,
            legsOf,
            sorting,
            sortKeysFor((key) => tt(key)),
            locale,
          )
        : null,
    [rows, legsOf, sorting, tt, locale],
  );
  const marks = useReviewMarks(stops ?? NO_IDS);
  const queue = useMemo(
    () =>
      reviewQueue({
        stops: stops ?? NO_IDS,
        marks: marks.marks,
        unreviewedOnly: view.unreviewed,
        current: view.call,
      }),
    [stops, marks.marks, view.unreviewed, view.call],
  );
  const byId = useMemo(() => new Map<string, ApiCall>(calls.map((c) => [c.CallID, c])), [calls]);
  const callOf = useCallback((callId: string) => byId.get(callId), [byId]);
  return { loading: dashboard.loading || stops === null, queue, marks, callOf };
}

export type ReviewQueueState = ReturnType<typeof useReviewQueue>;
