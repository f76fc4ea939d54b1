"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import type { ColumnId } from "@/lib/table/columns";

import { ColumnPanel } from "./column-panel";
import { ColumnsIcon } from "./icons";

/**
 * A button opening a labelled panel of checkboxes, one per column (every contract field),
 * each described by the field's meaning; plus "reset to defaults". Escape or a click
 * outside closes it and focus returns to the button.
 */
export function ColumnChooser({
  visibleColumns,
  onVisibleColumnsChange,
}: {
  visibleColumns: readonly ColumnId[];
  onVisibleColumnsChange: (next: ColumnId[]) => void;
}) {
  const t = useTranslations("table");
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>("input")?.focus();
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <Button
        ref={buttonRef}
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => setOpen((o) => !o)}
        className="font-medium"
      >
        <ColumnsIcon className="size-4" />
        {t("toolbar.columns")}
      </Button>
      {/* Rendered only while open: a closed panel is no dialog for scripts or screen readers. */}
      {open ? (
        <ColumnPanel
          ref={panelRef}
          id={`${id}-panel`}
          visibleColumns={visibleColumns}
          onVisibleColumnsChange={onVisibleColumnsChange}
        />
      ) : null}
    </div>
  );
}
