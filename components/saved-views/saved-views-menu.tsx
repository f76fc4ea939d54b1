"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useId, useRef, useState, type ReactNode } from "react";

import { usePrincipal } from "@/components/auth/principal-context";
import { Button } from "@/components/ui/button";
import type { SavedView } from "@/lib/api/saved-views";
import { can } from "@/lib/auth/roles";
import { DASHBOARD_PAGES } from "@/lib/navigation/dashboard-pages";

import { useMenuKeys } from "./use-menu-keys";
import { useSavedViews } from "./use-saved-views";

// the dialogs load when first opened: /calls' first load carries the menu only
const SaveViewDialog = dynamic(() => import("./save-view-dialog").then((m) => m.SaveViewDialog));
const ManageViewsDialog = dynamic(() =>
  import("./manage-views-dialog").then((m) => m.ManageViewsDialog),
);

const ITEM =
  "flex w-full flex-col items-start rounded px-3 py-1.5 text-start text-sm hover:bg-slate-100 focus:bg-sky-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-sky-900/60 aria-disabled:cursor-not-allowed aria-disabled:text-slate-500 dark:aria-disabled:text-slate-400";

/**
 * The saved views' menu (a menu button, WAI-ARIA's menu pattern): the caller's views and
 * everyone's shared ones, each opening its URL; saving this view and managing views open
 * dialogs. Views of pages the role cannot open are left out.
 */
export function SavedViewsMenu({ onStatus }: { onStatus: (message: string) => void }) {
  const t = useTranslations("views");
  const router = useRouter();
  const role = usePrincipal()?.role;
  const [open, setOpen] = useState<"first" | "last" | null>(null);
  const [dialog, setDialog] = useState<"save" | "manage" | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const { query, actions } = useSavedViews(true);
  const close = useCallback(() => setOpen(null), []);
  const onKeyDown = useMenuKeys({
    open: open !== null,
    start: open ?? "first",
    ready: query.data !== undefined,
    menu,
    button,
    close,
  });

  const openable = (view: SavedView) => {
    const page = DASHBOARD_PAGES.find((p) => p.path === view.url.split("?")[0]);
    return page !== undefined && can(role, page.permission);
  };
  const data = query.data;
  const mine = data?.mine.filter(openable) ?? [];
  const shared = data?.shared.filter(openable) ?? [];
  const canSave = data?.canSave ?? false;

  function choose(action: () => void) {
    setOpen(null);
    action();
  }
  const closeDialog = () => {
    setDialog(null);
    // once the modal dialog is gone (while it is open, the page behind it takes no focus)
    requestAnimationFrame(() => button.current?.focus());
  };

  const viewItem = (view: SavedView) => (
    <button
      key={view.id}
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={ITEM}
      data-view-id={view.id}
      onClick={() => choose(() => router.push(view.url))}
    >
      <span dir="auto" className="font-medium">
        {view.name}
      </span>
      <span className="text-xs text-slate-500 dark:text-slate-400">
        {[
          view.owner.you ? null : t("by", { owner: view.owner.label }),
          view.owner.you && view.shared ? t("isShared") : null,
          data?.defaultViewId === view.id ? t("isDefault") : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </span>
    </button>
  );

  return (
    <div className="relative">
      <Button
        ref={button}
        size="sm"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => {
          setOpen(open ? null : "first");
          if (!open) void query.refetch();
        }}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setOpen(event.key === "ArrowDown" ? "first" : "last");
          }
        }}
        data-testid="views-menu-button"
      >
        {t("menu")}
        <span aria-hidden="true">▾</span>
      </Button>
      {open ? (
        <div
          ref={menu}
          id={`${id}-menu`}
          role="menu"
          aria-label={t("menuLabel")}
          onKeyDown={onKeyDown}
          className="absolute start-0 z-30 mt-1 flex max-h-[70vh] w-80 max-w-[calc(100vw-2rem)] flex-col gap-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {query.isPending ? <Note>{t("loading")}</Note> : null}
          {query.isError ? <Note>{t("loadFailed")}</Note> : null}
          <Group label={t("mine")} empty={data && mine.length === 0 ? t("noneMine") : null}>
            {mine.map(viewItem)}
          </Group>
          <Group label={t("shared")} empty={data && shared.length === 0 ? t("noneShared") : null}>
            {shared.map(viewItem)}
          </Group>
          <div role="separator" className="my-1 border-t border-slate-200 dark:border-slate-700" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={ITEM}
            aria-disabled={!canSave || undefined}
            onClick={() => (canSave ? choose(() => setDialog("save")) : undefined)}
          >
            {canSave || !data ? t("save") : t("visitorSave")}
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={ITEM}
            onClick={() => choose(() => setDialog("manage"))}
          >
            {t("manage")}
          </button>
        </div>
      ) : null}
      {dialog === "save" && data ? (
        <SaveViewDialog views={data} actions={actions} onStatus={onStatus} onClose={closeDialog} />
      ) : null}
      {dialog === "manage" && data ? (
        <ManageViewsDialog
          views={data}
          openable={openable}
          actions={actions}
          onStatus={onStatus}
          onClose={closeDialog}
        />
      ) : null}
    </div>
  );
}

function Group({
  label,
  empty,
  children,
}: {
  label: string;
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <div role="group" aria-label={label} className="flex flex-col">
      <div
        aria-hidden="true"
        className="px-3 pt-1 text-xs font-semibold text-slate-500 uppercase dark:text-slate-400"
      >
        {label}
      </div>
      {children}
      {empty ? (
        <div role="menuitem" aria-disabled="true" tabIndex={-1} className={clsx(ITEM, "italic")}>
          {empty}
        </div>
      ) : null}
    </div>
  );
}

/** A line that is not an action (loading, failed): a disabled item, as a menu holds only items. */
function Note({ children }: { children: ReactNode }) {
  return (
    <div role="menuitem" aria-disabled="true" tabIndex={-1} className={ITEM}>
      {children}
    </div>
  );
}
