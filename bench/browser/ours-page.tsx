import type { SortingState } from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { IntlProvider } from "use-intl";

import { CallsTable } from "@/components/calls-table/calls-table";
import { DEFAULT_VISIBLE_COLUMNS } from "@/lib/table/columns";
import table from "@/messages/en/table.json";

import { benchCalls, filterByText, TIME_ZONE } from "./grid-data";
import { installProbe } from "./probe";

/** Static page: our CallsTable over 100,000 synthetic calls (bundled by bench/table-browser.ts). */

const controls: { sort?: (s: SortingState) => void; filter?: (text: string) => void } = {};
const messages = { table };

function Page() {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [text, setText] = useState("");
  useEffect(() => {
    controls.sort = setSorting;
    controls.filter = setText;
  }, []);
  const shown = useMemo(() => filterByText(benchCalls, text), [text]);
  return (
    <IntlProvider locale="en" messages={messages} timeZone={TIME_ZONE}>
      <CallsTable
        calls={shown}
        sorting={sorting}
        onSortingChange={setSorting}
        visibleColumns={DEFAULT_VISIBLE_COLUMNS}
        timeZone={TIME_ZONE}
        className="bench-grid"
      />
    </IntlProvider>
  );
}

installProbe({
  rowSelector: "tbody tr",
  firstRowId: () =>
    document.querySelector<HTMLElement>('tbody tr[data-index="0"]')?.dataset.callId ?? null,
  scroller: () => document.querySelector<HTMLElement>("[role=grid]")?.parentElement ?? null,
  render: () => createRoot(document.getElementById("root") as HTMLElement).render(<Page />),
  sortByDurationDesc: () => controls.sort?.([{ id: "Duration", desc: true }]),
  quickFilter: (text) => controls.filter?.(text),
});
