"use client";

import type { Row } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";

import type { ApiCall } from "@/lib/api/calls-response";

import { CallRow } from "./call-row";
import { HEADER_HEIGHT, ROW_HEIGHT } from "./layout";
import type { CallsTableInstance } from "./use-calls-table";

/** Rows beyond the screen kept rendered each way: smooth scrolling, ≤ ~60 rows in the DOM. */
const OVERSCAN = 12;

/**
 * The virtualized body (TanStack's virtualized-rows layout: grid tbody, absolutely
 * positioned rows moved by translateY). The virtualizer lives here, the lowest component,
 * so scrolling re-renders only this. Keyboard: ↑/↓, Page Up/Down, Home/End move between
 * rows; Enter or Space opens the focused call.
 */
export function CallsTableBody({
  table,
  scrollRef,
  selectedCallId,
  onRowClick,
  conversations,
}: {
  table: CallsTableInstance;
  scrollRef: RefObject<HTMLDivElement | null>;
  selectedCallId: string | undefined;
  onRowClick: ((call: ApiCall) => void) | undefined;
  /** Rows are conversations, their legs beneath them (a tree grid). */
  conversations: boolean;
}) {
  const rows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();
  // No React Compiler here; rows are memoized by hand (CallRow) on stable Row objects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky header sits inside the scroller, above the body: rows start below it and
    // a row scrolled to must not end up under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: OVERSCAN,
    // Until the scroller is measured (server render, first client render), assume a
    // typical screen so the first paint already has rows.
    initialRect: { width: 1280, height: 720 },
  });
  const items = virtualizer.getVirtualItems();

  const [activeIndex, setActiveIndex] = useState(0);
  const current = Math.min(activeIndex, Math.max(rows.length - 1, 0));
  // One row is in the tab order (roving tabindex); if it is scrolled away, the first shown one.
  const tabbable = items.some((item) => item.index === current) ? current : (items[0]?.index ?? -1);

  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(
      `[data-index="${pendingFocus.current}"]`,
    );
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: "auto" });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const target = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (!target) return;
    const index = Number(target.dataset.index);
    const viewport = (scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const keys: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const to = keys[event.key];
    const row = rows[index];
    // Tree grid: → opens a conversation's legs (or steps into them), ← closes them or
    // steps out of a leg; mirrored in right-to-left pages.
    const rtl = getComputedStyle(event.currentTarget).direction === "rtl";
    const inward = event.key === (rtl ? "ArrowLeft" : "ArrowRight");
    const outward = event.key === (rtl ? "ArrowRight" : "ArrowLeft");
    if (to !== undefined) {
      event.preventDefault();
      moveTo(to);
    } else if (conversations && row && (inward || outward)) {
      event.preventDefault();
      if (row.depth > 0) {
        if (outward) moveTo(rows.indexOf(row.getParentRow() ?? row));
      } else if (row.getCanExpand()) {
        if (inward && !row.getIsExpanded()) row.toggleExpanded(true);
        else if (inward) moveTo(index + 1);
        else if (row.getIsExpanded()) row.toggleExpanded(false);
      }
    } else if ((event.key === "Enter" || event.key === " ") && onRowClick) {
      event.preventDefault();
      if (row) onRowClick(row.original);
    }
  }

  return (
    <tbody
      ref={bodyRef}
      role="rowgroup"
      onKeyDown={onKeyDown}
      className="relative grid"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {items.map((item) => {
        const row = rows[item.index] as Row<typeof table.options.features, ApiCall>;
        const expanded = conversations && row.getIsExpanded();
        const open = selectedCallId !== undefined;
        return (
          <CallRow
            key={row.id}
            row={row}
            index={item.index}
            start={item.start - HEADER_HEIGHT}
            columns={visibleColumns}
            selected={
              open &&
              (row.original.CallID === selectedCallId ||
                // A closed conversation stands for the leg that is open.
                (!expanded && row.subRows.some((leg) => leg.original.CallID === selectedCallId)))
            }
            tabbable={item.index === tabbable}
            onFocusRow={setActiveIndex}
            onRowClick={onRowClick}
            conversations={conversations}
            depth={row.depth}
            legCount={row.subRows.length}
            expanded={expanded}
            position={row.index + 1}
          />
        );
      })}
    </tbody>
  );
}
