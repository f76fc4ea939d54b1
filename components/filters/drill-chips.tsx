"use client";

import { useLocale, useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { formatWeekHour } from "@/lib/format/week-hour";
import type { FilterValues } from "@/lib/view-state/parsers";

type DrillFilter = "agent" | "queueName" | "when";

interface DrillChipsProps {
  values: Pick<FilterValues, DrillFilter>;
  /** The agent's name as the agents table shows it, once the calls are loaded. */
  agentName: string | undefined;
  onRemove: (filter: DrillFilter) => void;
}

/** The drill-down filters in force (from an agents or queues row, a heatmap cell), removable. */
export function DrillChips({ values, agentName, onRemove }: DrillChipsProps) {
  const t = useTranslations("filters.drill");
  const locale = useLocale();
  const chips: { filter: DrillFilter; text: string }[] = [];
  if (values.agent !== null) {
    const fallback = values.agent.slice(values.agent.indexOf(":") + 1);
    chips.push({ filter: "agent", text: t("agent", { name: agentName ?? fallback }) });
  }
  if (values.queueName !== null)
    chips.push({ filter: "queueName", text: t("queue", { name: values.queueName }) });
  if (values.when !== null)
    chips.push({ filter: "when", text: t("when", { when: formatWeekHour(values.when, locale) }) });
  if (chips.length === 0) return null;
  return (
    <ul
      aria-label={t("label")}
      className="mt-3 flex flex-wrap items-center gap-2"
      data-testid="drill-chips"
    >
      {chips.map((chip) => (
        <li key={chip.filter}>
          <Button
            variant="chip"
            size="pill"
            onClick={() => onRemove(chip.filter)}
            aria-label={t("remove", { filter: chip.text })}
            className="bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-100"
          >
            <span dir="auto">{chip.text}</span>
            <span aria-hidden="true">✕</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}
