"use client";

import { useQuery } from "@tanstack/react-query";
import type { SortingState } from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";

import { CallDrawer } from "@/components/drawer/call-drawer";
import type { ApiCall } from "@/lib/api/calls-response";
import { callQueryOptions } from "@/lib/api/query-options";
import { buildLegIndex, otherLegs } from "@/lib/conversations/legs";
import { sortKeysFor } from "@/lib/table/columns";
import { sortCalls } from "@/lib/table/sort";

interface CallDetailsProps {
  callId: string;
  /** Every loaded call (legs may be hidden by the browser-side filters). */
  calls: readonly ApiCall[];
  /** The calls as listed, for previous/next recording. */
  shown: readonly ApiCall[];
  sorting: SortingState;
  timeZone: string;
  /** The range the list was loaded for: the open call is fetched with every field within it. */
  range: { from: number; to: number } | null;
  onOpen: (callId: string) => void;
  onClose: () => void;
}

/** The open call's drawer, with its legs and the neighbouring recordings in list order. */
export function CallDetails({
  callId,
  calls,
  shown,
  sorting,
  timeZone,
  range,
  onOpen,
  onClose,
}: CallDetailsProps) {
  const t = useTranslations("table");
  const locale = useLocale();
  const listed = useMemo(() => calls.find((c) => c.CallID === callId), [calls, callId]);
  // The list holds only the shown columns' fields; the drawer shows every field of the call.
  const full = useQuery(callQueryOptions(callId, range, { enabled: listed !== undefined }));
  const call = full.data?.calls.find((c) => c.CallID === callId) ?? listed;
  const legs = useMemo(() => (call ? otherLegs(call, buildLegIndex(calls)) : []), [call, calls]);
  const recorded = useMemo(
    () =>
      sortCalls(
        shown.filter((c) => c.HasRecording),
        sorting,
        sortKeysFor((key) => t(key)),
        locale,
      ),
    [shown, sorting, t, locale],
  );
  const position = recorded.findIndex((c) => c.CallID === callId);
  const previous = position > 0 ? recorded[position - 1] : undefined;
  const next = position >= 0 ? recorded[position + 1] : undefined;

  const close = useCallback(() => {
    onClose();
    // Give focus back to the call's row (it stays rendered: the drawer opened from it).
    requestAnimationFrame(() => {
      const row = document.querySelector<HTMLElement>(`[data-call-id="${CSS.escape(callId)}"]`);
      row?.focus();
    });
  }, [onClose, callId]);

  if (!call) return null;
  return (
    <CallDrawer
      call={call}
      legs={legs}
      timeZone={timeZone}
      onClose={close}
      onOpenCall={onOpen}
      onPreviousRecording={previous ? () => onOpen(previous.CallID) : undefined}
      onNextRecording={next ? () => onOpen(next.CallID) : undefined}
    />
  );
}
