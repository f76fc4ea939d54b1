import { exportRecordSchema } from "@/lib/api/export-record";
import { parseBody } from "@/lib/server/parse-body";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * An export of calls, recorded before the browser writes the file: only a role that may
 * export gets the go-ahead, and the audit trail keeps who exported what (filters, rows,
 * columns) from where.
 */
export const POST = withApi(
  async (request, { audit }) => {
    const { format, filters, rows, columns } = await parseBody(request, exportRecordSchema);
    await audit({ action: "calls.export", details: { format, filters, rows, columns } });
    return Response.json({ recorded: true }, { headers: { "cache-control": "no-store" } });
  },
  { permission: "calls.export" },
);
