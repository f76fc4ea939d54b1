import type { HealthResponse } from "@/lib/api/health-response";
import { databaseHealth } from "@/lib/db";
import { getUpstream } from "@/lib/server/upstream";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";

/** Liveness, mode and the database (kind, ok, latency); says nothing about the account. */
export const GET = withApi(
  async () => {
    const database = await databaseHealth();
    const body: HealthResponse = { ok: database.ok, mode: getUpstream().mode, database };
    return Response.json(body, { status: database.ok ? 200 : 503 });
  },
  // load balancers and uptime checks call it without signing in
  { permission: "public" },
);
