"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";

import { Button } from "@/components/ui/button";
import { FIELD } from "@/components/ui/input";
import {
  REVIEW_NOTE_MAX,
  REVIEW_SCORES,
  REVIEW_STATUSES,
  type PutReviewMark,
  type ReviewStatus,
} from "@/lib/api/review";

export interface MarkFormProps {
  /** "flag": F's form (status flagged); "edit": one's own mark, any status. */
  mode: "flag" | "edit";
  initial: { status: ReviewStatus; score: number | null; note: string | null };
  /** Resolves to the sentence of a refusal, or undefined once saved. */
  onSave: (mark: PutReviewMark) => Promise<string | undefined>;
  onCancel: () => void;
}

/** The note and score of a flag, or one's whole mark: Escape cancels, Ctrl+Enter saves. */
export function MarkForm({ mode, initial, onSave, onCancel }: MarkFormProps) {
  const t = useTranslations("review");
  const id = useId();
  const [status, setStatus] = useState<ReviewStatus>(mode === "flag" ? "flagged" : initial.status);
  const [score, setScore] = useState<number | null>(initial.score);
  const [note, setNote] = useState(initial.note ?? "");
  const [problem, setProblem] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const noteMissing = status === "flagged" && note.trim() === "";

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (noteMissing) return setProblem(t("errors.note"));
    setSaving(true);
    const refusal = await onSave({ status, score, note: note.trim() || null });
    setSaving(false);
    setProblem(refusal);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      data-testid="review-mark-form"
      noValidate
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {t(mode === "flag" ? "form.flagTitle" : "form.editTitle")}
      </h3>
      {mode === "edit" ? (
        <fieldset className="flex flex-wrap items-center gap-3 text-sm">
          <legend className="mb-1 font-medium">{t("form.status")}</legend>
          {REVIEW_STATUSES.map((value) => (
            <label key={value} className="flex items-center gap-1.5">
              <input
                type="radio"
                name={`${id}-status`}
                value={value}
                checked={status === value}
                onChange={() => setStatus(value)}
              />
              {t(`status.${value}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <fieldset className="flex flex-wrap items-center gap-3 text-sm">
        <legend className="mb-1 font-medium">{t("form.score")}</legend>
        {[null, ...REVIEW_SCORES].map((value) => (
          <label key={value ?? "none"} className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-score`}
              checked={score === value}
              onChange={() => setScore(value)}
              aria-label={
                value === null ? t("form.noScore") : t("form.scoreLabel", { score: value })
              }
            />
            <span aria-hidden="true">
              {value === null ? t("form.noScore") : t("form.scoreOption", { score: value })}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${id}-note`} className="font-medium">
          {t("form.note")}
        </label>
        <textarea
          id={`${id}-note`}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={REVIEW_NOTE_MAX}
          rows={3}
          // the form opens for its note: F's purpose is to say why
          autoFocus
          aria-invalid={problem !== undefined && noteMissing}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ""}`}
          className={`${FIELD} aria-invalid:border-red-600 dark:aria-invalid:border-red-500`}
          dir="auto"
          data-testid="review-note"
        />
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {t("form.noteHint")}
        </p>
      </div>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={saving} data-testid="review-save">
          {t("form.save")}
        </Button>
        <Button onClick={onCancel}>{t("form.cancel")}</Button>
      </div>
    </form>
  );
}
