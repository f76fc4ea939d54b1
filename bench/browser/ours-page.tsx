import type { SortingState } from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { IntlProvider } from "use-intl";

import { CallsTable } from "@/components/calls-table/calls-table";
import type { ApiCall } from "@/lib/api/calls-response";
import { conversationRowsOf, legsOfRow } from "@/lib/dashboard/conversation-rows";
import { DEFAULT_VISIBLE_COLUMNS } from "@/lib/table/columns";
import table from "@/messages/en/table.json";

import { CONVERSATIONS, filterByText, loadBenchCalls, TIME_ZONE } from "./grid-data";
import { installProbe } from "./probe";

/**
 * Static page: our CallsTable over 100,000 calls (bundled by bench/table-browser.ts); with
 * `?rows=conversations`, as on /calls: one row per conversation, legs beneath — grouped at
 * page load (once per loaded answer, timed on its own by `__groupingMs`), before the timed
 * render.
 */

const controls: { sort?: (s: SortingState) => void; filter?: (text: string) => void } = {};
const messages = { table };

function Page({ rows }: { rows: readonly ApiCall[] }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [text, setText] = useState("");
  useEffect(() => {
    controls.sort = setSorting;
    controls.filter = setText;
  }, []);
  const shown = useMemo(() => filterByText(rows, text), [rows, text]);
  return (
    <IntlProvider locale="en" messages={messages} timeZone={TIME_ZONE}>
      <CallsTable
        calls={shown}
        getSubRows={CONVERSATIONS ? legsOfRow : undefined}
        sorting={sorting}
        onSortingChange={setSorting}
        visibleColumns={DEFAULT_VISIBLE_COLUMNS}
        timeZone={TIME_ZONE}
        className="bench-grid"
      />
    </IntlProvider>
  );
}

declare global {
  interface Window {
    /** Grouping alone, in this browser: ms of each of `runs` runs over a fresh copy. */
    __groupingMs?: (runs: number) => number[];
  }
}

void loadBenchCalls().then((calls) => {
  // Set before any grouping on the page: its first run is the cold one a page load pays.
  window.__groupingMs = (runs) =>
    Array.from({ length: runs }, () => {
      const copy = [...calls]; // grouping is cached per array: a new one is grouped again
      const started = performance.now();
      conversationRowsOf(copy);
      return performance.now() - started;
    });
  if (new URLSearchParams(location.search).has("grouping")) return;
  const rows = CONVERSATIONS ? conversationRowsOf(calls).rows : calls;
  installProbe({
    rowSelector: "tbody tr",
    firstRowId: () =>
      document.querySelector<HTMLElement>('tbody tr[data-index="0"]')?.dataset.callId ?? null,
    scroller: () =>
      document.querySelector<HTMLElement>("[role=grid], [role=treegrid]")?.parentElement ?? null,
    render: () =>
      createRoot(document.getElementById("root") as HTMLElement).render(<Page rows={rows} />),
    sortByDurationDesc: () => controls.sort?.([{ id: "Duration", desc: true }]),
    quickFilter: (text) => controls.filter?.(text),
  });
});
