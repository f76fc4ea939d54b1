"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { splitList } from "@/lib/view-state/calls-params-core";
import type { FilterValues } from "@/lib/view-state/parsers";
import { CALL_TYPE_IDS } from "@/lib/voicenter/call-types";
import { DIAL_STATUS_NAMES } from "@/lib/voicenter/dial-statuses";

import { DateRangePicker } from "./date-range-picker";
import { MultiSelect } from "./multi-select";
import { ScopeField } from "./scope-field";

interface FilterBarProps {
  values: FilterValues;
  /** The effective range shown in the date inputs (ISO instants). */
  effectiveRange: { from: string; to: string } | null;
  timeZone: string;
  problem: { param: string; message: string } | null;
  onChange: (patch: Partial<FilterValues>) => void;
  onReset: () => void;
  typeLabel: (id: number) => string;
  statusLabel: (status: string) => string;
  /** Shown under the filters, always (the drill-down chips). */
  children?: ReactNode;
}

const toInts = (text: string) => splitList(text).map((v) => (/^\d+$/.test(v) ? Number(v) : NaN));
const orNull = <T,>(list: T[]) => (list.length ? list : null);
const numberOrNull = (text: string) =>
  text.trim() === "" || Number.isNaN(Number(text)) ? null : Math.max(0, Math.round(Number(text)));

/**
 * The filters. Lists and selections apply at once; the text fields apply together with
 * Apply (or Enter), so typing does not flood the browser history.
 */
export function FilterBar(props: FilterBarProps) {
  const { values, onChange, timeZone, problem } = props;
  const t = useTranslations("filters");
  const [open, setOpen] = useState(false);
  const draftKey = JSON.stringify([
    values.phone,
    values.ext,
    values.queue,
    values.campaign,
    values.callId,
    values.minDur,
    values.maxDur,
    values.abandonS,
    values.slaS,
  ]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    onChange({
      phone: orNull(splitList(text("phone"))),
      ext: orNull(splitList(text("ext"))),
      queue: orNull(toInts(text("queue"))),
      campaign: orNull(toInts(text("campaign"))),
      callId: text("callId").trim() || null,
      minDur: numberOrNull(text("minDur")),
      maxDur: numberOrNull(text("maxDur")),
      abandonS: numberOrNull(text("abandonS")) ?? values.abandonS,
      slaS: numberOrNull(text("slaS")) ?? values.slaS,
    });
  }

  const field = (name: string, label: string, value: string, hint?: string, type = "text") => (
    <label className="flex min-w-36 flex-1 flex-col gap-0.5 text-xs">
      <span className="text-slate-500 dark:text-slate-400">{label}</span>
      <Input
        name={name}
        type={type}
        min={type === "number" ? 0 : undefined}
        defaultValue={value}
        placeholder={hint}
        aria-invalid={problem?.param === name || undefined}
        className="w-full"
      />
    </label>
  );

  return (
    <section
      aria-label={t("title")}
      className="border-b border-slate-200 px-4 py-3 dark:border-slate-800"
    >
      <Button
        size="sm"
        className="mb-2 md:hidden"
        aria-expanded={open}
        aria-controls="filters-body"
        onClick={() => setOpen(!open)}
      >
        {open ? t("hide") : t("show")}
      </Button>
      <div id="filters-body" className={`${open ? "flex" : "hidden"} flex-col gap-3 md:flex`}>
        <DateRangePicker
          // The inputs show wall times in the viewer's zone, known only after hydration: a new
          // zone, like a new range, starts the drafts afresh.
          key={`${props.effectiveRange?.from}|${props.effectiveRange?.to}|${timeZone}`}
          preset={values.from && values.to ? null : (values.range ?? "today")}
          from={props.effectiveRange?.from ?? null}
          to={props.effectiveRange?.to ?? null}
          timeZone={timeZone}
          onPreset={(range) => onChange({ range, from: null, to: null })}
          onCustom={(from, to) => onChange({ range: null, from, to })}
        />
        <div className="flex flex-wrap items-center gap-2">
          <MultiSelect
            label={t("type")}
            anyLabel={t("any")}
            clearLabel={t("clear")}
            options={CALL_TYPE_IDS.map((id) => ({ value: id, label: props.typeLabel(id) }))}
            selected={values.type ?? []}
            onChange={(next) => onChange({ type: orNull(next) })}
          />
          <MultiSelect
            label={t("status")}
            anyLabel={t("any")}
            clearLabel={t("clear")}
            options={DIAL_STATUS_NAMES.map((s) => ({ value: s, label: props.statusLabel(s) }))}
            selected={values.status ?? []}
            onChange={(next) => onChange({ status: orNull(next) })}
          />
          <ScopeField
            key={values.scope ?? ""}
            value={values.scope}
            onChange={(scope) => onChange({ scope })}
          />
        </div>
        <form key={draftKey} onSubmit={submit} className="flex flex-wrap items-end gap-2">
          {field("phone", t("phone"), values.phone?.join(", ") ?? "", t("phoneHint"))}
          {field("ext", t("ext"), values.ext?.join(", ") ?? "", t("extHint"))}
          {field("queue", t("queue"), values.queue?.join(", ") ?? "", t("idsHint"))}
          {field("campaign", t("campaign"), values.campaign?.join(", ") ?? "", t("idsHint"))}
          {field("callId", t("callId"), values.callId ?? "")}
          {field("minDur", t("minDur"), values.minDur?.toString() ?? "", undefined, "number")}
          {field("maxDur", t("maxDur"), values.maxDur?.toString() ?? "", undefined, "number")}
          {field("abandonS", t("abandonS"), String(values.abandonS), undefined, "number")}
          {field("slaS", t("slaS"), String(values.slaS), undefined, "number")}
          <div className="flex gap-2">
            <Button type="submit" variant="primary">
              {t("apply")}
            </Button>
            <Button onClick={props.onReset}>{t("reset")}</Button>
          </div>
        </form>
        {problem ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {t("invalid", { param: problem.param, message: problem.message })}
          </p>
        ) : null}
      </div>
      {props.children}
    </section>
  );
}
