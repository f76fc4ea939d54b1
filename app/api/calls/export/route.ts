import { exportFilters } from "@/lib/api/export-record";
import { callsToCsv } from "@/lib/csv/csv";
import { loadPhoneLibrary } from "@/lib/format/phone";
import { countOfView, pagedRequestOf } from "@/lib/paged/paged-service";
import { readAllInOrder } from "@/lib/paged/read";
import { tableTranslatorFor } from "@/lib/paged/translator";
import { withApi } from "@/lib/server/with-api";
import { normalizeVisibleColumns } from "@/lib/table/columns";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const encoder = new TextEncoder();

/**
 * The CSV export of a view beyond the threshold: every row, streamed from the store a slice
 * at a time, in the table's columns (`cols`), order and time zone — written by the same
 * function as the browser's export. Audited before the first byte, like every export.
 */
export const GET = withApi(
  async (request, { audit }) => {
    const paged = await pagedRequestOf(request);
    const columns = normalizeVisibleColumns(paged.view.cols ?? []);
    const rows = await countOfView(paged);
    const filters = exportFilters(new URL(request.url).search);
    for (const own of ["tz", "locale", "fields"]) delete filters[own];
    await audit({ action: "calls.export", details: { format: "csv", filters, rows, columns } });
    await loadPhoneLibrary().catch(() => undefined);
    const options = {
      timeZone: paged.view.tz,
      locale: paged.view.locale,
      t: tableTranslatorFor(paged.view.locale),
    };
    const slices = readAllInOrder(paged.db, paged.where, paged.order, paged.fields);
    let first = true;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await slices.next();
        if (next.done) {
          if (first) controller.enqueue(encoder.encode(callsToCsv([], columns, options)));
          controller.close();
          return;
        }
        const csv = callsToCsv(next.value, columns, options);
        // The header (and byte-order mark) once, at the top.
        controller.enqueue(encoder.encode(first ? csv : csv.slice(csv.indexOf("\r\n") + 2)));
        first = false;
      },
      async cancel() {
        await slices.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="calls.csv"',
        "cache-control": "private, no-store",
      },
    });
  },
  { permission: "calls.export" },
);
