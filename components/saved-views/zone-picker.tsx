"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";

import { Select } from "@/components/ui/select";
import { useMounted } from "@/components/view-state/use-view-state";
import { PREFERENCES_PATH } from "@/lib/api/saved-views";
import { sendJson } from "@/lib/api/send-json";
import type { ZoneSource } from "@/lib/views/display-zone";
import { zoneChoices } from "@/lib/views/display-zone";

import { useSavedZone } from "./preferences-context";
import { useBrowserZone } from "./use-display-zone";

const AUTOMATIC = "";

/**
 * The display-zone picker. Signed in, the choice is remembered for the person (PATCH
 * /api/preferences) and any `tz` of the link is dropped so it shows; "Automatic" forgets it
 * (the browser's zone again). A demo visitor keeps nothing: the choice goes into the link's
 * `tz`. Either way the URL's instants stay what they are.
 */
export function ZonePicker({
  zone,
  source,
  urlZone,
  onUrlZone,
}: {
  zone: string;
  source: ZoneSource;
  /** The link's raw `tz`, valid or not. */
  urlZone: string | null;
  onUrlZone: (zone: string | null) => void;
}) {
  const t = useTranslations("views");
  const saved = useSavedZone();
  const browser = useBrowserZone();
  const mounted = useMounted();
  const [problem, setProblem] = useState<string | null>(null);
  // the runtime's list differs between Node and the browser: listed once in the browser
  const zones = useMemo(() => (mounted ? zoneChoices() : [zone]), [mounted, zone]);
  const value = source === "url" || source === "saved" ? zone : AUTOMATIC;

  async function choose(next: string) {
    setProblem(null);
    const chosen = next === AUTOMATIC ? null : next;
    if (!saved.canRemember) {
      onUrlZone(chosen);
      return;
    }
    const before = saved.zone;
    saved.setZone(chosen);
    if (urlZone !== null) onUrlZone(null);
    const result = await sendJson("PATCH", PREFERENCES_PATH, { timeZone: chosen });
    if (!result.ok) {
      saved.setZone(before);
      setProblem(t("zoneFailed", { message: result.message }));
    }
  }

  const note =
    urlZone !== null && source !== "url"
      ? t("zoneInvalid", { value: urlZone, zone })
      : source === "url"
        ? t("zoneFromLink", { zone })
        : saved.canRemember
          ? source === "saved"
            ? t("zoneRemembered")
            : null
          : t("zoneVisitor");

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <span className="text-slate-600 dark:text-slate-300">{t("zone")}</span>
        <Select
          value={value}
          onChange={(event) => void choose(event.target.value)}
          // wide enough for "Automatic: this browser's (America/Argentina/Buenos_Aires)";
          // on a phone, the row's width less the label
          className="max-w-[calc(100vw-7rem)] sm:max-w-md"
          data-testid="zone-picker"
          aria-describedby={note ? "zone-picker-note" : undefined}
        >
          <option value={AUTOMATIC}>{t("zoneAuto", { zone: browser ?? zone })}</option>
          {zones.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </label>
      {note ? (
        <span id="zone-picker-note" className="text-xs text-slate-500 dark:text-slate-400">
          {note}
        </span>
      ) : null}
      {problem ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
