"use client";

import { useQuery } from "@tanstack/react-query";
import * as z from "zod/mini";

const progressSchema = z.object({
  progress: z.nullable(
    z.object({
      loaded: z.number(),
      expected: z.number(),
      windowsDone: z.number(),
      windowsPlanned: z.number(),
      upstreamRequests: z.number(),
    }),
  ),
});

export type LoadProgress = NonNullable<z.infer<typeof progressSchema>["progress"]>;

/** Polls the server's progress on a long range while `/api/calls` is loading it. */
export function useLoadProgress(search: string | null, active: boolean): LoadProgress | null {
  const query = useQuery({
    queryKey: ["calls-progress", search],
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/calls/progress?${search ?? ""}`, { signal });
      if (!response.ok) return null;
      const parsed = progressSchema.safeParse(await response.json());
      return parsed.success ? parsed.data.progress : null;
    },
    enabled: active && search !== null,
    refetchInterval: 750,
    gcTime: 0,
  });
  return active ? (query.data ?? null) : null;
}
