"use client";

import { useState } from "react";

import type { ZoneSource } from "@/lib/views/display-zone";

import { SavedViewsMenu } from "./saved-views-menu";
import { ZonePicker } from "./zone-picker";

/**
 * Above every dashboard page's filters: the saved views' menu and the display-zone picker,
 * with one polite line saying what the last action did.
 */
export function ViewsToolbar(props: {
  zone: string;
  zoneSource: ZoneSource;
  urlZone: string | null;
  onUrlZone: (zone: string | null) => void;
}) {
  const [status, setStatus] = useState("");
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
      <SavedViewsMenu onStatus={setStatus} />
      <ZonePicker
        zone={props.zone}
        source={props.zoneSource}
        urlZone={props.urlZone}
        onUrlZone={props.onUrlZone}
      />
      <p role="status" className="text-sm text-slate-600 empty:hidden dark:text-slate-300">
        {status}
      </p>
    </div>
  );
}
