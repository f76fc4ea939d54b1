import { withApi } from "@/lib/server/with-api";
import { adminSyncReport } from "@/lib/store/admin";

export const dynamic = "force-dynamic";

/** The sync at a glance: health, coverage over time, requests per hour, last errors. */
export const GET = withApi(
  async () => Response.json(await adminSyncReport(), { headers: { "cache-control": "no-store" } }),
  { permission: "sync.manage" },
);
