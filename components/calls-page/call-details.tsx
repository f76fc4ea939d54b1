"use client";

import { useQuery } from "@tanstack/react-query";
import type { SortingState } from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";

import { CallDrawer } from "@/components/drawer/call-drawer";
import type { ApiCall } from "@/lib/api/calls-response";
import { callQueryOptions } from "@/lib/api/query-options";
import type { Conversation } from "@/lib/conversations/conversation";
import { listedRecordings } from "@/lib/dashboard/recorded-stops";
import { sortKeysFor } from "@/lib/table/columns";

interface CallDetailsProps {
  callId: string;
  /** Every loaded record (legs may be hidden by the browser-side filters). */
  calls: readonly ApiCall[];
  /** Every loaded conversation, for the open call's journey; null until grouped. */
  conversations: readonly Conversation<ApiCall>[] | null;
  /** The rows as listed (conversations or records), for previous/next recording. */
  shown: readonly ApiCall[];
  /** A conversation row's legs (undefined for a row that is one record). */
  legsOf: (row: ApiCall) => readonly ApiCall[] | undefined;
  sorting: SortingState;
  timeZone: string;
  /** The range the list was loaded for: the open call is fetched with every field within it. */
  range: { from: number; to: number } | null;
  onOpen: (callId: string) => void;
  onClose: () => void;
}

/** The open call's drawer: its journey, and the neighbouring recordings in list order. */
export function CallDetails({
  callId,
  calls,
  conversations,
  shown,
  legsOf,
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
  const conversation = useMemo(
    () => conversations?.find((c) => c.legs.some((leg) => leg.CallID === callId)),
    [conversations, callId],
  );
  const stops = useMemo(
    () =>
      listedRecordings(
        shown,
        legsOf,
        sorting,
        sortKeysFor((key) => t(key)),
        locale,
      ),
    [shown, legsOf, sorting, t, locale],
  );
  const position = stops.indexOf(callId);
  const previous = position > 0 ? stops[position - 1] : undefined;
  const next = position >= 0 ? stops[position + 1] : undefined;

  const close = useCallback(() => {
    onClose();
    // Give focus back to the call's row (it stays rendered: the drawer opened from it), or
    // to its conversation's row when its legs are closed.
    const ids = [callId, ...(conversation?.legs.map((leg) => leg.CallID) ?? [])];
    requestAnimationFrame(() => {
      for (const id of ids) {
        const row = document.querySelector<HTMLElement>(`[data-call-id="${CSS.escape(id)}"]`);
        if (row) return row.focus();
      }
    });
  }, [onClose, callId, conversation]);

  if (!call) return null;
  return (
    <CallDrawer
      call={call}
      conversation={conversation}
      timeZone={timeZone}
      onClose={close}
      onOpenCall={onOpen}
      onPreviousRecording={previous ? () => onOpen(previous) : undefined}
      onNextRecording={next ? () => onOpen(next) : undefined}
    />
  );
}
