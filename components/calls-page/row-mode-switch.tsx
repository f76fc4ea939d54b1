"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { ROW_MODES, type RowMode } from "@/lib/view-state/parsers";

/** One row per conversation (legs beneath), or one per record; kept in the URL as `rows`. */
export function RowModeSwitch({
  mode,
  onChange,
}: {
  mode: RowMode;
  onChange: (mode: RowMode) => void;
}) {
  const t = useTranslations("table.conversations");
  return (
    <div role="group" aria-label={t("mode")} className="flex items-center" data-testid="row-mode">
      {ROW_MODES.map((m, i) => (
        <Button
          key={m}
          size="sm"
          aria-pressed={m === mode}
          onClick={() => onChange(m)}
          className={i === 0 ? "rounded-e-none" : "-ms-px rounded-s-none"}
        >
          {t(m === "records" ? "modeRecords" : "modeConversations")}
        </Button>
      ))}
    </div>
  );
}
