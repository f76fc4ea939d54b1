import type { HealthResponse } from "@/lib/api/health-response";
import { databaseHealth } from "@/lib/db";
import { getUpstream } from "@/lib/server/upstream";
import { withApi } from "@/lib/server/with-api";
import { storeHealthReport } from "@/lib/store/health";

export const dynamic = "force-dynamic";

/**
 * Liveness and what an operator checks first: the database (kind, ok, latency), the
 * upstream (reachable, or the IP it refused), this minute's budget, the sync's lag and
 * last error, and what the call store covers. Says nothing about the account code. The
 * status is the database's: 503 only when it cannot answer.
 */
export const GET = withApi(
  async () => {
    const [database, store] = await Promise.all([databaseHealth(), storeHealthReport()]);
    const body: HealthResponse = { ok: database.ok, mode: getUpstream().mode, database, ...store };
    return Response.json(body, { status: database.ok ? 200 : 503 });
  },
  // load balancers and uptime checks call it without signing in
  { permission: "public" },
);
