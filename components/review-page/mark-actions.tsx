"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import type { PutReviewMark, ReviewMark } from "@/lib/api/review";

import { MarkForm } from "./mark-form";

/** Reviewed (R), Flag… (F), and one's own mark changed or removed; the form when open. */
export function MarkActions({
  mine,
  form,
  problem,
  onReviewed,
  onForm,
  onSave,
  onRemove,
}: {
  mine: ReviewMark | undefined;
  form: "flag" | "edit" | null;
  problem: string | undefined;
  onReviewed: () => void;
  onForm: (form: "flag" | "edit" | null) => void;
  onSave: (mark: PutReviewMark) => Promise<string | undefined>;
  onRemove: () => void;
}) {
  const t = useTranslations("review.actions");
  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label={t("label")} className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          onClick={onReviewed}
          aria-keyshortcuts="R"
          data-testid="review-mark-reviewed"
        >
          {t("reviewed")} <kbd className="font-mono text-xs opacity-80">R</kbd>
        </Button>
        <Button
          onClick={() => onForm("flag")}
          aria-keyshortcuts="F"
          aria-expanded={form === "flag"}
          data-testid="review-flag"
        >
          {t("flag")} <kbd className="font-mono text-xs opacity-80">F</kbd>
        </Button>
        {mine ? (
          <>
            <Button onClick={() => onForm("edit")} aria-expanded={form === "edit"}>
              {t("edit")}
            </Button>
            <Button variant="link" size="sm" onClick={onRemove} data-testid="review-remove">
              {t("remove")}
            </Button>
          </>
        ) : null}
      </div>
      {problem && !form ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : null}
      {form ? (
        <MarkForm
          // a fresh form for each call and each kind
          key={form}
          mode={form}
          initial={{
            status: mine?.status ?? "reviewed",
            score: mine?.score ?? null,
            note: mine?.note ?? null,
          }}
          onSave={onSave}
          onCancel={() => onForm(null)}
        />
      ) : null}
    </div>
  );
}
