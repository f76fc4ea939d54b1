"use client";

import type { SortingState } from "@tanstack/react-table";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";

import { useDisplayZone } from "@/components/saved-views/use-display-zone";
import { CONVERSATION_FIELDS } from "@/lib/conversations/fields";
import {
  DEFAULT_VISIBLE_COLUMNS,
  fieldsForColumns,
  normalizeVisibleColumns,
  type ColumnId,
} from "@/lib/table/columns";
import { viewParsers } from "@/lib/view-state/parsers";
import { buildViewRequest } from "@/lib/view-state/view-request";
import { FIELD_NAMES, type FieldName } from "@/lib/voicenter/fields";

import { usePhoneNormalizer } from "./use-phone-normalizer";

const DEFAULT_SORT: SortingState = [{ id: "Date", desc: true }];
const noSubscription = () => () => {};

/** True after hydration: "now" and the viewer's zone exist only in the browser. */
export function useMounted(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * The whole view lives in the URL (nuqs, one parser set in lib/view-state/parsers.ts); changes
 * push history entries so Back/Forward walk through them.
 */
export function useViewState(defaultTimeZone: string) {
  const [view, setView] = useQueryStates(viewParsers, { history: "push" });
  // the link's tz, the viewer's saved zone, the browser's, the server's default
  const { zone: timeZone, source: timeZoneSource } = useDisplayZone(defaultTimeZone, view.tz);
  // Presets ("today") resolve against the moment the view was opened or refreshed.
  const [anchor, setAnchor] = useState(() => Date.now());
  const refresh = useCallback(() => setAnchor(Date.now()), []);

  const visibleColumns = useMemo(
    () => normalizeVisibleColumns(view.cols ?? DEFAULT_VISIBLE_COLUMNS),
    [view.cols],
  );
  const sorting: SortingState = view.sort ?? DEFAULT_SORT;
  // Every page asks the same fields for the same view (one load, shared): the shown
  // columns' and what grouping conversations needs (CustomData links the legs).
  const fields = useMemo(() => {
    const wanted = new Set<FieldName>([
      ...fieldsForColumns(visibleColumns),
      ...CONVERSATION_FIELDS,
    ]);
    return FIELD_NAMES.filter((name) => wanted.has(name));
  }, [visibleColumns]);
  const normalizePhone = usePhoneNormalizer(Boolean(view.phone?.length));
  const request = useMemo(
    () => buildViewRequest(view, { now: anchor, timeZone, fields, normalizePhone }),
    [view, anchor, timeZone, fields, normalizePhone],
  );
  const setColumns = useCallback(
    (next: ColumnId[]) => void setView({ cols: next.length ? next : null }),
    [setView],
  );
  const setSorting = useCallback(
    (next: SortingState) =>
      void setView({ sort: next.length ? next.map((s) => ({ id: s.id, desc: s.desc })) : null }),
    [setView],
  );

  return {
    view,
    setView,
    timeZone,
    timeZoneSource,
    anchor,
    refresh,
    visibleColumns,
    sorting,
    setColumns,
    setSorting,
    request,
    fields,
    normalizePhone,
  };
}
