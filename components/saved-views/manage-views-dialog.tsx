"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { SavedView, SavedViews } from "@/lib/api/saved-views";
import type { SendResult } from "@/lib/api/send-json";
import { formText } from "@/lib/form-text";
import { VIEW_NAME_MAX_LENGTH } from "@/lib/views/view-url";

import { currentViewUrl, type SavedViewActions } from "./use-saved-views";
import { ViewDialog } from "./view-dialog";
import { nameProblem, refusalText } from "./view-problem";

interface ManageProps {
  views: SavedViews;
  openable: (view: SavedView) => boolean;
  actions: SavedViewActions;
  onStatus: (message: string) => void;
  onClose: () => void;
}

/**
 * Every view the caller can open, with what they may do to it: rename, share or make
 * personal, replace with the current view, delete (their own; an admin's any), and choose the
 * one `/` opens. The server decides `canChange` and refuses anyway.
 */
export function ManageViewsDialog(props: ManageProps) {
  const t = useTranslations("views");
  const { views } = props;
  const all = [...views.mine, ...views.shared].filter(props.openable);
  return (
    <ViewDialog title={t("manageTitle")} onClose={props.onClose} testId="manage-views-dialog">
      {all.length === 0 ? <p className="text-sm">{t("noneMine")}</p> : null}
      <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-700">
        {all.map((view) => (
          <ViewRow key={view.id} view={view} {...props} />
        ))}
      </ul>
    </ViewDialog>
  );
}

function ViewRow({ view, views, actions, onStatus }: ManageProps & { view: SavedView }) {
  const t = useTranslations("views");
  const [mode, setMode] = useState<"idle" | "rename" | "confirm">("idle");
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const isDefault = views.defaultViewId === view.id;

  async function run(action: Promise<SendResult<unknown>>, done: string): Promise<boolean> {
    setPending(true);
    const result = await action;
    setPending(false);
    setProblem(refusalText(t, result));
    if (result.ok) onStatus(done);
    return result.ok;
  }

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = formText(new FormData(event.currentTarget), "name").trim();
    const others = views.mine.filter((v) => v.id !== view.id).map((v) => v.name);
    const local = view.owner.you ? nameProblem(t, name, others) : nameProblem(t, name, []);
    if (local) return setProblem(local);
    if (await run(actions.change(view.id, { name }), t("changed", { name }))) setMode("idle");
  }

  return (
    <li className="flex flex-col gap-2 py-3" data-testid="managed-view" data-view-id={view.id}>
      <div className="flex flex-wrap items-center gap-2">
        <span dir="auto" className="font-medium">
          {view.name}
        </span>
        <Badge tone={view.shared ? "violet" : "sky"}>
          {view.shared ? t("isShared") : t("isPersonal")}
        </Badge>
        {isDefault ? <Badge tone="amber">{t("isDefault")}</Badge> : null}
        {view.owner.you ? null : (
          <span className="text-xs text-slate-500 dark:text-slate-400">
            {t("by", { owner: view.owner.label })}
          </span>
        )}
      </div>
      {mode === "rename" ? (
        <form
          onSubmit={(event) => void rename(event)}
          className="flex flex-wrap items-end gap-2"
          noValidate
        >
          <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
            <span>{t("renameLabel", { name: view.name })}</span>
            <Input
              name="name"
              defaultValue={view.name}
              maxLength={VIEW_NAME_MAX_LENGTH}
              dir="auto"
              autoFocus
            />
          </label>
          <Button type="submit" variant="primary" size="sm" disabled={pending}>
            {t("renameAction")}
          </Button>
          <Button size="sm" onClick={() => setMode("idle")}>
            {t("cancel")}
          </Button>
        </form>
      ) : mode === "confirm" ? (
        <div
          className="flex flex-wrap items-center gap-2"
          role="group"
          aria-label={t("confirmDelete", { name: view.name })}
        >
          <span className="text-sm">{t("confirmDelete", { name: view.name })}</span>
          <Button
            size="sm"
            variant="primary"
            disabled={pending}
            onClick={() => void run(actions.remove(view.id), t("deleted", { name: view.name }))}
          >
            {t("confirmAction")}
          </Button>
          <Button size="sm" onClick={() => setMode("idle")}>
            {t("cancel")}
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-1">
          {views.canSave ? (
            <Button
              size="sm"
              disabled={pending}
              onClick={() =>
                void run(
                  actions.setDefault(isDefault ? null : view.id),
                  t("changed", { name: view.name }),
                )
              }
            >
              {isDefault ? t("clearDefault") : t("makeDefault")}
            </Button>
          ) : null}
          {view.canChange ? (
            <>
              <Button size="sm" disabled={pending} onClick={() => setMode("rename")}>
                {t("rename")}
              </Button>
              <Button
                size="sm"
                disabled={pending}
                onClick={() =>
                  void run(
                    actions.change(view.id, { shared: !view.shared }),
                    t("changed", { name: view.name }),
                  )
                }
              >
                {view.shared ? t("unshare") : t("share")}
              </Button>
              <Button
                size="sm"
                disabled={pending}
                onClick={() =>
                  void run(
                    actions.change(view.id, { url: currentViewUrl() }),
                    t("changed", { name: view.name }),
                  )
                }
              >
                {t("replace")}
              </Button>
              <Button size="sm" disabled={pending} onClick={() => setMode("confirm")}>
                {t("delete")}
              </Button>
            </>
          ) : (
            <span className="text-xs text-slate-500 dark:text-slate-400">
              {t("ownerOnly", { owner: view.owner.label })}
            </span>
          )}
        </div>
      )}
      {problem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
