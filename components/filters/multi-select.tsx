"use client";

import { useId } from "react";

import { Button } from "@/components/ui/button";

export interface MultiSelectOption<V extends string | number> {
  value: V;
  label: string;
  description?: string;
}

interface MultiSelectProps<V extends string | number> {
  label: string;
  options: readonly MultiSelectOption<V>[];
  selected: readonly V[];
  onChange: (next: V[]) => void;
  clearLabel: string;
  /** What the closed control shows when nothing is chosen. */
  anyLabel: string;
}

/** A labelled list of checkboxes in a disclosure: keyboard-operable without custom focus code. */
export function MultiSelect<V extends string | number>({
  label,
  options,
  selected,
  onChange,
  clearLabel,
  anyLabel,
}: MultiSelectProps<V>) {
  const id = useId();
  const chosen = new Set<V>(selected);
  const summary =
    selected.length === 0
      ? anyLabel
      : selected.length <= 2
        ? options
            .filter((o) => chosen.has(o.value))
            .map((o) => o.label)
            .join(", ")
        : `${selected.length} ✓`;

  function toggle(value: V) {
    const next = new Set(chosen);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  }

  return (
    <details className="group relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        aria-label={`${label}: ${summary}`}
      >
        <span className="text-slate-500 dark:text-slate-400">{label}</span>
        <span className="max-w-40 truncate font-medium">{summary}</span>
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <fieldset
        className="absolute start-0 z-30 mt-1 max-h-80 w-72 overflow-auto rounded-md border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        aria-labelledby={`${id}-legend`}
      >
        <legend id={`${id}-legend`} className="sr-only">
          {label}
        </legend>
        {options.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
            title={option.description}
          >
            <input
              type="checkbox"
              className="mt-0.5"
              checked={chosen.has(option.value)}
              onChange={() => toggle(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
        <Button
          variant="link"
          size="sm"
          className="mt-1 w-full"
          onClick={() => onChange([])}
          disabled={selected.length === 0}
        >
          {clearLabel}
        </Button>
      </fieldset>
    </details>
  );
}
