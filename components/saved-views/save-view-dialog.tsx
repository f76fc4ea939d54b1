"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { SavedViews } from "@/lib/api/saved-views";
import { formText } from "@/lib/form-text";
import { VIEW_NAME_MAX_LENGTH } from "@/lib/views/view-url";

import { currentViewUrl, type SavedViewActions } from "./use-saved-views";
import { ViewDialog } from "./view-dialog";
import { nameProblem, refusalText } from "./view-problem";

/** Names the current view (this page's URL) and saves it: personal or shared, and maybe the default. */
export function SaveViewDialog({
  views,
  actions,
  onStatus,
  onClose,
}: {
  views: SavedViews;
  actions: SavedViewActions;
  onStatus: (message: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("views");
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = formText(form, "name").trim();
    const local = nameProblem(
      t,
      name,
      views.mine.map((v) => v.name),
    );
    if (local) return setProblem(local);
    setPending(true);
    const result = await actions.create({
      name,
      url: currentViewUrl(),
      shared: form.get("shared") === "on",
      makeDefault: form.get("makeDefault") === "on",
    });
    setPending(false);
    if (!result.ok) return setProblem(refusalText(t, result));
    onStatus(t("saved", { name }));
    onClose();
  }

  return (
    <ViewDialog title={t("saveTitle")} onClose={onClose} testId="save-view-dialog">
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("saveHint")}</p>
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-3" noValidate>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t("name")}</span>
          <Input
            name="name"
            required
            maxLength={VIEW_NAME_MAX_LENGTH}
            dir="auto"
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "save-view-problem" : undefined}
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="shared" className="size-4" />
          {t("shareOption")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="makeDefault" className="size-4" />
          {t("defaultOption")}
        </label>
        {problem ? (
          <p id="save-view-problem" role="alert" className="text-sm text-red-700 dark:text-red-400">
            {problem}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? t("saving") : t("saveAction")}
          </Button>
        </div>
      </form>
    </ViewDialog>
  );
}
