"use client";

import { useTranslations } from "next-intl";

import { useFieldText } from "@/components/drawer/field-value";
import { Button } from "@/components/ui/button";
import type { ApiCall } from "@/lib/api/calls-response";
import type { ReviewQueue } from "@/lib/review/queue";

import { MarkBadge } from "./call-marks";

const SHOWN = 6;

/** The next few recordings of the queue; choosing one moves there. */
export function UpNext({
  queue,
  callOf,
  timeZone,
  onOpen,
}: {
  queue: ReviewQueue;
  callOf: (callId: string) => ApiCall | undefined;
  timeZone: string;
  onOpen: (callId: string) => void;
}) {
  const t = useTranslations("review.upNext");
  const text = useFieldText(timeZone);
  const upcoming = queue.items.slice(queue.index + 1, queue.index + 1 + SHOWN);
  return (
    <section aria-labelledby="review-next-title" data-testid="review-up-next">
      <h3 id="review-next-title" className="mb-1 text-sm font-semibold">
        {t("heading")}
      </h3>
      {upcoming.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>
      ) : (
        <ol className="flex flex-col">
          {upcoming.map((callId) => {
            const call = callOf(callId);
            const what = call ? describeCall(call, text) : callId;
            return (
              <li key={callId}>
                <Button
                  variant="ghost"
                  size="sm"
                  className="w-full justify-between text-start"
                  aria-label={t("open", { what })}
                  onClick={() => onOpen(callId)}
                  data-call-id={callId}
                >
                  <span className="min-w-0 truncate">{what}</span>
                  <MarkBadge status={queue.stateOf(callId).status} />
                </Button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

type FieldText = ReturnType<typeof useFieldText>;

/** "02/06/2024, 10:14:03 · Dana Levi · 3:12": when, who, how long. */
export function describeCall(call: ApiCall, text: FieldText): string {
  return [
    text(call, "Date"),
    call.RepresentativeName || text(call, "TargetNumber"),
    text(call, "Duration"),
  ]
    .filter(Boolean)
    .join(" · ");
}
