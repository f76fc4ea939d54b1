"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { WORKLIST_VIEWS, type WorklistView } from "@/lib/callbacks/worklist";

/** To call / closed / all (`worklist=` in the URL), each with its count. */
export function WorklistViews({
  value,
  counts,
  onChange,
}: {
  value: WorklistView;
  counts: Record<WorklistView, number> | null;
  onChange: (view: WorklistView) => void;
}) {
  const t = useTranslations("callbacks.views");
  return (
    <div
      role="group"
      aria-label={t("label")}
      className="flex flex-wrap gap-2"
      data-testid="worklist-views"
    >
      {WORKLIST_VIEWS.map((view) => (
        <Button
          key={view}
          size="sm"
          aria-pressed={value === view}
          onClick={() => onChange(view)}
          data-view={view}
        >
          {t(view, { count: counts?.[view] ?? 0 })}
        </Button>
      ))}
    </div>
  );
}
