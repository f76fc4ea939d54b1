import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { syntheticCalls } from "@/bench/synthetic-calls";
import type { ApiCall } from "@/lib/api/calls-response";
import { DEFAULT_VISIBLE_COLUMNS } from "@/lib/table/columns";
import en from "@/messages/en/table.json";
import he from "@/messages/he/table.json";

import { CallsTable, type CallsTableProps } from "./calls-table";
import { ColumnPanel } from "./column-panel";
import { TableToolbar } from "./table-toolbar";

// Server rendering in Node (no jsdom): what the first HTML holds, before any scrolling.

function render(node: ReactNode, locale: "en" | "he" = "en"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      messages={{ table: locale === "he" ? he : en }}
      timeZone="UTC"
    >
      {node}
    </NextIntlClientProvider>,
  );
}

const noop = () => undefined;

function table(
  props: Partial<CallsTableProps> & { calls: readonly ApiCall[] },
  locale: "en" | "he" = "en",
) {
  return render(
    <CallsTable
      sorting={[]}
      onSortingChange={noop}
      visibleColumns={DEFAULT_VISIBLE_COLUMNS}
      timeZone="Asia/Jerusalem"
      {...props}
    />,
    locale,
  );
}

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

describe("CallsTable (server-rendered)", () => {
  const calls = syntheticCalls(100_000, { seed: 5 });

  it("is a grid that counts every row plus the header, but renders only a screenful", () => {
    const html = table({ calls });
    expect(html).toContain('role="grid"');
    expect(html).toContain('aria-rowcount="100001"');
    const rendered = count(html, /<tr role="row"/g) - 1;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThanOrEqual(100);
    expect(html).toContain('aria-rowindex="2"');
  });

  it("shows the chosen columns, in their order, with aria-sort on each header", () => {
    const html = table({
      calls,
      visibleColumns: ["Price", "Date", "QueueName"],
      sorting: [
        { id: "Date", desc: true },
        { id: "Price", desc: false },
      ],
    });
    expect(count(html, /role="columnheader"/g)).toBe(3);
    const headers = [
      ...html.matchAll(/<th[^>]*aria-sort="(\w+)"[^>]*>.*?<span class="truncate">([^<]+)<\/span>/g),
    ].map((m) => [m[2], m[1]]);
    expect(headers).toEqual([
      ["Price", "ascending"],
      ["Date", "descending"],
      ["Queue", "none"],
    ]);
    expect(html).toContain("sort key 2");
  });

  it("ignores a sort id that is not a column", () => {
    const html = table({ calls: calls.slice(0, 10), sorting: [{ id: "bogus", desc: true }] });
    expect(html).not.toContain('aria-sort="descending"');
  });

  it("puts the sorted rows first and marks the selected call", () => {
    const small = syntheticCalls(50, { seed: 9 });
    const longest = [...small].sort((a, b) => (b.Duration ?? 0) - (a.Duration ?? 0))[0] as ApiCall;
    const html = table({
      calls: small,
      sorting: [{ id: "Duration", desc: true }],
      selectedCallId: longest.CallID,
    });
    const firstRow = html.match(/<tr role="row" aria-rowindex="2"[^>]*>/)?.[0] ?? "";
    expect(firstRow).toContain('aria-selected="true"');
  });

  it("writes Hebrew headers and badges under he", () => {
    const call: ApiCall = {
      CallID: "x",
      DialStatus: "ANSWER",
      CdrType: 8,
      Type: "Queue",
      HasRecording: true,
    };
    const html = table(
      { calls: [call], visibleColumns: ["Type", "DialStatus", "HasRecording"] },
      "he",
    );
    expect(html).toContain("סוג");
    expect(html).toContain("נענתה");
    expect(html).toContain("תור");
    expect(html).toContain('aria-label="יש הקלטה"');
    expect(html).toContain('data-outcome="answered"');
  });
});

describe("TableToolbar (server-rendered)", () => {
  it("offers the column chooser with every column and its meaning, and the export button", () => {
    const html = render(
      <TableToolbar visibleColumns={["Date"]} onVisibleColumnsChange={noop} onExport={noop}>
        <span>12 calls</span>
      </TableToolbar>,
    );
    expect(html).toContain("12 calls");
    expect(html).toContain("Export CSV");
    expect(html).toContain('aria-expanded="false"');
    // Closed, the panel is not in the page: no stray dialog for `[role=dialog]` to find.
    expect(html).not.toContain('role="dialog"');
    expect(count(html, /type="checkbox"/g)).toBe(0);
  });

  it("lists every column with its meaning in the chooser's panel", () => {
    const html = render(
      <ColumnPanel id="cols" visibleColumns={["Date"]} onVisibleColumnsChange={noop} />,
    );
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-labelledby="cols-title"');
    expect(count(html, /type="checkbox"/g)).toBe(25);
    expect(count(html, /checked=""/g)).toBe(1);
    expect(html).toContain("Talk time; ringing is not included");
  });
});
