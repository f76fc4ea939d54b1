"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { RANGE_PRESETS, type RangePreset } from "@/lib/time/date-range";
import { wallTimeAt, wallTimeToEpoch } from "@/lib/time/time-zone";

interface DateRangePickerProps {
  preset: RangePreset | null;
  /** The effective range (a preset's resolution, or the custom one), ISO instants. */
  from: string | null;
  to: string | null;
  timeZone: string;
  onPreset: (preset: RangePreset) => void;
  onCustom: (from: string, to: string) => void;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `datetime-local` value of an instant, read on the viewer's wall clock. */
function toLocalInput(iso: string | null, timeZone: string): string {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return "";
  const w = wallTimeAt(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant a `datetime-local` value means in the viewer's zone, as ISO with Z. */
function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [, year, month, day, hour, minute] = m.map(Number);
  const ms = wallTimeToEpoch(
    { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 },
    timeZone,
  );
  return new Date(ms).toISOString();
}

export function DateRangePicker({
  preset,
  from,
  to,
  timeZone,
  onPreset,
  onCustom,
}: DateRangePickerProps) {
  const t = useTranslations("filters");
  const [draftFrom, setDraftFrom] = useState(() => toLocalInput(from, timeZone));
  const [draftTo, setDraftTo] = useState(() => toLocalInput(to, timeZone));
  const custom = preset === null;

  function applyCustom() {
    const f = fromLocalInput(draftFrom, timeZone);
    const tt = fromLocalInput(draftTo, timeZone);
    const unchanged =
      draftFrom === toLocalInput(from, timeZone) && draftTo === toLocalInput(to, timeZone);
    if (f && tt && !unchanged) onCustom(f, tt);
  }

  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className="mb-1 text-xs font-medium text-slate-500 dark:text-slate-400">
        {t("range")}
      </legend>
      <div role="group" aria-label={t("range")} className="flex flex-wrap gap-1">
        {RANGE_PRESETS.map((p) => (
          <Button key={p} size="sm" aria-pressed={preset === p} onClick={() => onPreset(p)}>
            {t(`presets.${p}`)}
          </Button>
        ))}
      </div>
      <DateTimeInput
        name="from"
        label={t("from")}
        value={draftFrom}
        onChange={setDraftFrom}
        onCommit={applyCustom}
      />
      <DateTimeInput
        name="to"
        label={t("to")}
        value={draftTo}
        onChange={setDraftTo}
        onCommit={applyCustom}
      />
      <span className="pb-1.5 text-xs text-slate-500 dark:text-slate-400">
        {custom ? `${t("presets.custom")} · ` : ""}
        {t("timeZoneNote", { zone: timeZone })}
      </span>
    </fieldset>
  );
}

function DateTimeInput(props: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onCommit: () => void;
}) {
  return (
    <label className="flex flex-col text-xs">
      <span className="text-slate-500 dark:text-slate-400">{props.label}</span>
      <Input
        type="datetime-local"
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onCommit}
      />
    </label>
  );
}
