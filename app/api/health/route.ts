import type { HealthResponse } from "@/lib/api/health-response";
import { getUpstream } from "@/lib/server/upstream";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";

/** Liveness and mode; says nothing about the account. */
export const GET = withApi(() =>
  Response.json({ ok: true, mode: getUpstream().mode } satisfies HealthResponse),
);
