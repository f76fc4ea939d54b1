"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import {
  CALLBACK_ASSIGNEES_PATH,
  CALLBACK_NOTES_PATH,
  CALLBACK_WORK_PATH,
  callbackAssigneesSchema,
  callbackWorkListSchema,
  callbackWorkSchema,
  type CallbackChange,
  type CallbackNoteRequest,
  type CallbackWork,
} from "@/lib/api/callbacks";
import { sendJson, type SendResult } from "@/lib/api/send-json";

/** Others' changes show within this long (and at once after one's own). */
const REFRESH_MS = 20_000;

async function getJson<T>(
  path: string,
  parse: (json: unknown) => T,
  signal: AbortSignal,
): Promise<T> {
  const response = await fetch(path, { signal, credentials: "same-origin" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return parse(await response.json());
}

type Refused = Exclude<SendResult<unknown>, { ok: true }>;

/** A change the server refused: its sentence as the message, its code beside. */
export class CallbackRefusal extends Error {
  readonly code: Refused["code"];
  constructor(refused: Refused) {
    super(refused.message);
    this.code = refused.code;
  }
}

/**
 * The worklist's stored work for the view's range (refreshed every 20 s, so a colleague's
 * assignment shows up), who rows may be given to, and the two changes: assign/state and
 * a note. A refused change comes back as the server's sentence.
 */
export function useCallbackWork(range: { from: number; to: number } | null, enabled: boolean) {
  const client = useQueryClient();
  const search = range
    ? new URLSearchParams({
        from: new Date(range.from).toISOString(),
        to: new Date(range.to).toISOString(),
      }).toString()
    : null;
  const workKey = ["callback-work", search] as const;
  const work = useQuery({
    queryKey: workKey,
    queryFn: ({ signal }) =>
      getJson(
        `${CALLBACK_WORK_PATH}?${search ?? ""}`,
        (j) => callbackWorkListSchema.parse(j).work,
        signal,
      ),
    enabled: enabled && search !== null,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const assignees = useQuery({
    queryKey: ["callback-assignees"],
    queryFn: ({ signal }) =>
      getJson(CALLBACK_ASSIGNEES_PATH, (j) => callbackAssigneesSchema.parse(j), signal),
    enabled,
    staleTime: 5 * 60_000,
  });

  const store = useCallback(
    (changed: CallbackWork) => {
      client.setQueryData<CallbackWork[]>(workKey, (list = []) => {
        const rest = list.filter((w) => w.key !== changed.key);
        return [...rest, changed];
      });
      void client.invalidateQueries({ queryKey: ["callback-work"] });
    },
    // workKey is a new array each render; its content is `search`
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, search],
  );
  const send = async (path: string, body: CallbackChange | CallbackNoteRequest) => {
    const answer = await sendJson<{ work: unknown }>("POST", path, body);
    if (!answer.ok) throw new CallbackRefusal(answer);
    const changed = callbackWorkSchema.parse(answer.data.work);
    store(changed);
    return changed;
  };
  const change = useMutation<CallbackWork, Error, CallbackChange>({
    mutationFn: (body) => send(CALLBACK_WORK_PATH, body),
  });
  const note = useMutation<CallbackWork, Error, CallbackNoteRequest>({
    mutationFn: (body) => send(CALLBACK_NOTES_PATH, body),
  });
  return { work, assignees, change, note };
}
