"use client";

import { useTranslations } from "next-intl";

import type { LiveState } from "@/components/dashboard/use-live-tail";
import { Button } from "@/components/ui/button";

/**
 * The live tail's switch and state: on while the range ends now (new calls appear as the
 * sync brings them), off by the viewer's choice, paused while the tab is hidden, and
 * unavailable — saying why — without the call store or for filters it cannot follow.
 */
export function LiveToggle({
  state,
  wanted,
  onChange,
  added,
}: {
  state: LiveState;
  wanted: boolean;
  onChange: (on: boolean) => void;
  /** How many calls the tail added last. */
  added: number;
}) {
  const t = useTranslations("loading");
  if (state === "notNow") return null;
  const unavailable = state === "needsStore" || state === "unsupported";
  const note =
    state === "needsStore"
      ? t("liveNeedsStore")
      : state === "unsupported"
        ? t("liveOnlyNow")
        : state === "paused"
          ? t("livePaused")
          : null;
  return (
    <div
      className="flex flex-wrap items-center gap-2 text-sm"
      data-testid="live-tail"
      data-state={state}
    >
      <Button
        variant="outline"
        size="pill"
        aria-pressed={wanted && !unavailable}
        disabled={unavailable}
        onClick={() => onChange(!wanted)}
        title={note ?? undefined}
      >
        <span
          aria-hidden="true"
          className={`size-2 rounded-full ${state === "following" ? "bg-emerald-400 motion-safe:animate-pulse" : "bg-slate-400"}`}
        />
        {t("live")}
      </Button>
      {note ? <span className="text-slate-600 dark:text-slate-400">{note}</span> : null}
      <span className="sr-only" aria-live="polite">
        {added > 0 ? t("liveAdded", { count: added }) : ""}
      </span>
    </div>
  );
}
