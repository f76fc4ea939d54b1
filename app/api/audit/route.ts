import { auditToCsv } from "@/lib/audit/csv";
import { auditFilterParams, parseAuditQuery } from "@/lib/audit/filters";
import { exportAuditEvents, listAuditEvents } from "@/lib/audit/query";
import { getDatabase } from "@/lib/db";
import { badParameter } from "@/lib/server/api-error";
import { serverEnv } from "@/lib/server/env";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The audit trail, newest first, filtered by `user`, `action`, `callId`, `from`, `to`
 * (dates in CALLBOARD_TIMEZONE, or instants with an offset), paged (`page`, `pageSize`);
 * `format=csv` exports every matching entry (itself audited).
 */
export const GET = withApi(
  async (request, { audit }) => {
    const params = new URL(request.url).searchParams;
    const parsed = parseAuditQuery(params, serverEnv().CALLBOARD_TIMEZONE);
    if (!parsed.ok) throw badParameter(parsed.param, parsed.message);
    const format = params.get("format") ?? "json";
    if (format !== "json" && format !== "csv")
      throw badParameter("format", 'must be "json" or "csv"');
    const db = await getDatabase();
    if (format === "csv") {
      const rows = await exportAuditEvents(db, parsed.query);
      await audit({
        action: "audit.export",
        details: {
          filters: Object.fromEntries(auditFilterParams(parsed.query)),
          rows: rows.length,
        },
      });
      return new Response(auditToCsv(rows), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": 'attachment; filename="callboard-audit.csv"',
          "cache-control": "no-store",
        },
      });
    }
    return Response.json(await listAuditEvents(db, parsed.query), {
      headers: { "cache-control": "no-store" },
    });
  },
  { permission: "audit.read" },
);
