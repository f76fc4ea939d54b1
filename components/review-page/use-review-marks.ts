"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";

import { fetchReviewMarks, putReviewMark, removeReviewMark } from "@/lib/api/fetch-review";
import type { PutReviewMark, ReviewMark } from "@/lib/api/review";
import type { SendResult } from "@/lib/api/send-json";

const EMPTY: readonly ReviewMark[] = [];

/** A short key for thousands of CallIDs (FNV-1a over them), so the query key stays small. */
function idsKey(ids: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x2c, 0x01000193);
  }
  return `${ids.length}:${(hash >>> 0).toString(36)}`;
}

/**
 * Every supervisor's marks on the queue's calls, asked again every half minute (and when
 * the window regains focus), so a colleague's marks appear while one works; one's own
 * changes are written into the answer as soon as the server has them.
 */
export function useReviewMarks(callIds: readonly string[]) {
  const client = useQueryClient();
  const queryKey = useMemo(() => ["review-marks", idsKey(callIds)] as const, [callIds]);
  const query = useQuery({
    queryKey,
    queryFn: () => fetchReviewMarks(callIds),
    enabled: callIds.length > 0,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });

  const replaceMine = useCallback(
    async (callId: string, mark: ReviewMark | null) => {
      // a refetch begun before the change would bring the old mark back
      await client.cancelQueries({ queryKey });
      client.setQueryData<ReviewMark[]>(queryKey, (old = []) => [
        ...old.filter((m) => !(m.callId === callId && m.mine)),
        ...(mark ? [mark] : []),
      ]);
    },
    [client, queryKey],
  );

  const save = useCallback(
    async (callId: string, input: PutReviewMark): Promise<SendResult<ReviewMark>> => {
      const result = await putReviewMark(callId, input);
      if (result.ok) await replaceMine(callId, result.data);
      return result;
    },
    [replaceMine],
  );

  const remove = useCallback(
    async (callId: string): Promise<SendResult<{ callId: string }>> => {
      const result = await removeReviewMark(callId);
      // gone already (removed in another tab): the same outcome
      if (result.ok || result.code === "not_found") await replaceMine(callId, null);
      return result;
    },
    [replaceMine],
  );

  return { marks: query.data ?? EMPTY, query, save, remove };
}
