import {
  AllCommunityModule,
  ModuleRegistry,
  type ColDef,
  type GridApi,
  type ValueFormatterParams,
} from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { createRoot } from "react-dom/client";
import { createTranslator } from "use-intl";

import { buildColumns } from "@/components/calls-table/columns";
import type { ApiCall } from "@/lib/api/calls-response";
import { formatDateTime } from "@/lib/format/date-time";
import { formatDuration } from "@/lib/format/duration";
import { createLabeler } from "@/lib/format/labels";
import { formatPhone } from "@/lib/format/phone";
import { formatPrice } from "@/lib/format/price";
import { DEFAULT_VISIBLE_COLUMNS, type ColumnId } from "@/lib/table/columns";
import { callEpochMs } from "@/lib/time/call-time";
import table from "@/messages/en/table.json";

import { FILTER_FIELDS, loadBenchCalls, TIME_ZONE } from "./grid-data";
import { installProbe } from "./probe";

/**
 * Static page: AG Grid Community (client-side row model) over the same 100,000 calls, the
 * same columns, widths, row height and cell texts (the same formatters, plain text cells),
 * configured for speed: rows do not animate into their new places after a sort or a filter.
 */

ModuleRegistry.registerModules([AllCommunityModule]);

// use-intl's own lookup, typed loosely: keys are built at run time.
const intl = createTranslator({ locale: "en", messages: { table } }) as unknown as (
  key: string,
) => string;
const translate = (key: string) => intl(`table.${key}`);
const labels = createLabeler(translate);
const widths = new Map<string, number>();
for (const column of buildColumns({ t: translate, locale: "en", timeZone: TIME_ZONE }))
  widths.set(String(column.id), column.meta?.width ?? 150);
const filtered = new Set<string>(FILTER_FIELDS);

type Fmt = (p: ValueFormatterParams<ApiCall>) => string;
const formats: Partial<Record<ColumnId, Fmt>> = {
  Date: (p) => formatDateTime(p.data && callEpochMs(p.data), { locale: "en", timeZone: TIME_ZONE }),
  Type: (p) => labels.callType(p.data?.CdrType, p.data?.Type),
  DialStatus: (p) => labels.status(p.data?.DialStatus),
  CallerNumber: (p) => formatPhone(p.data?.CallerNumber),
  TargetNumber: (p) => formatPhone(p.data?.TargetNumber),
  Duration: (p) => formatDuration(p.data?.Duration),
  RingTime: (p) => formatDuration(p.data?.RingTime),
  Price: (p) => formatPrice(p.data?.Price, "en"),
  HasRecording: (p) => (p.data?.HasRecording ? translate("cells.hasRecording") : ""),
};

const columnDefs: ColDef<ApiCall>[] = DEFAULT_VISIBLE_COLUMNS.map((id) => ({
  colId: id,
  field: id,
  headerName: translate(`columns.${id}`),
  width: widths.get(id) ?? 150,
  valueFormatter: formats[id],
  // The quick filter looks in the same fields as our page's text filter, by raw value.
  ...(filtered.has(id) ? {} : { getQuickFilterText: () => "" }),
}));

let api: GridApi<ApiCall> | undefined;

function Page({ calls }: { calls: readonly ApiCall[] }) {
  return (
    <div className="bench-grid">
      <AgGridReact<ApiCall>
        rowData={calls as ApiCall[]}
        columnDefs={columnDefs}
        rowHeight={40}
        headerHeight={36}
        getRowId={(p) => p.data.CallID}
        animateRows={false}
        onGridReady={(event) => (api = event.api)}
      />
    </div>
  );
}

void loadBenchCalls().then((calls) =>
  installProbe({
    rowSelector: ".ag-row",
    firstRowId: () =>
      document.querySelector('.ag-row[row-index="0"]')?.getAttribute("row-id") ?? null,
    scroller: () => document.querySelector<HTMLElement>(".ag-grid-viewport"),
    render: () =>
      createRoot(document.getElementById("root") as HTMLElement).render(<Page calls={calls} />),
    sortByDurationDesc: () =>
      api?.applyColumnState({
        state: [{ colId: "Duration", sort: "desc" }],
        defaultState: { sort: null },
      }),
    quickFilter: (text) => api?.setGridOption("quickFilterText", text),
  }),
);
