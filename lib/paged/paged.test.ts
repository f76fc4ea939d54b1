import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";

import { callVolume } from "@/lib/analytics/buckets";
import { computeCallbacks } from "@/lib/analytics/callbacks";
import { computeConversationKpis } from "@/lib/analytics/conversation-kpis";
import { computeHeatmap } from "@/lib/analytics/heatmap";
import { durationHistogram } from "@/lib/analytics/histogram";
import { countByStatus } from "@/lib/analytics/status-counts";
import type { ApiCall } from "@/lib/api/calls-response";
import { callsToCsv } from "@/lib/csv/csv";
import { deriveConversations } from "@/lib/dashboard/view-data";
import type { DatabaseHandle } from "@/lib/db/database";
import { COMPACT_READ } from "@/lib/store/compact";
import { fetchSpanIntoStore } from "@/lib/store/fetch-span";
import { readAnswerSlices } from "@/lib/store/query";
import { sortKeysFor } from "@/lib/table/columns";
import { sortCalls } from "@/lib/table/sort";
import { DAY_MS } from "@/lib/time/units";
import {
  filterCallsLocally,
  NO_LOCAL_FILTERS,
  type LocalFilters,
} from "@/lib/view-state/local-filter";
import type { SortEntry } from "@/lib/view-state/parsers";
import { FIELD_NAMES } from "@/lib/voicenter/fields";
import { describeEachDatabase } from "@/testing/database/each-database";
import { loopbackSimulator, type SimulatorServer } from "@/testing/simulator";
import {
  simulatorUpstream,
  storeHarness,
  testClock,
  type StoreHarness,
} from "@/testing/store/harness";

import { chartFiguresOf, computeChartFigures } from "./charts";
import { computeConversationFigures } from "./conversation-figures";
import { pagedWhere } from "./local-sql";
import { pagedOrderBy } from "./order";
import { countWhere, readAllInOrder, readPage } from "./read";
import {
  keptFigure,
  readCompact,
  readyRecordsOf,
  RecordLimitError,
  recordsOf,
} from "./record-sets";
import { tableTranslatorFor } from "./translator";

/**
 * Paged mode against the browser's own code on the same stored calls: every sort (labels in
 * both languages, phones, text, numbers, several keys), every local filter, the charts, the
 * conversation KPIs, callbacks and heatmap, and the CSV — equal, on both databases.
 */

const CODE = "paged-test-code-4410";
const DAY = Date.UTC(2024, 5, 18);
const ZONE = "Asia/Jerusalem";

describeEachDatabase("paged mode equals the browser", (target) => {
  let server: SimulatorServer;
  let handle: DatabaseHandle;
  let harness: StoreHarness;
  let calls: ApiCall[];
  const range = { from: DAY - 3 * 3_600_000, to: DAY + DAY_MS + 7_777 };

  beforeAll(async () => {
    const clock = testClock(DAY + 3 * DAY_MS);
    server = await loopbackSimulator({ code: CODE, seed: 5, now: clock.now, rateLimit: 1000 });
    handle = await target.open();
    harness = storeHarness({ handle, upstream: simulatorUpstream(server, CODE), clock });
    await fetchSpanIntoStore(harness.ctx, { span: range, filterKey: "", purpose: "sync" });
    // what /api/calls sends the browser for the range, from the store, in its order
    const slices: string[] = [];
    for await (const slice of readAnswerSlices(handle.db, range, FIELD_NAMES)) {
      slices.push(slice.json);
    }
    calls = JSON.parse(`[${slices.join(",")}]`) as ApiCall[];
    expect(calls.length).toBeGreaterThan(2000);
  });

  afterAll(async () => {
    await harness.close();
    await server.close();
  });

  async function view(filters: LocalFilters, sort: SortEntry[], locale: "en" | "he" = "en") {
    const where = await pagedWhere(handle.db, { base: range, filters, timeZone: ZONE });
    const order = await pagedOrderBy(handle.db, where, sort, {
      t: tableTranslatorFor(locale),
      locale,
    });
    return { where, order };
  }

  function browser(filters: LocalFilters, sort: SortEntry[], locale: "en" | "he" = "en") {
    const kept = filterCallsLocally(calls, filters, { timeZone: ZONE, range });
    return sortCalls(kept, sort, sortKeysFor(tableTranslatorFor(locale)), locale);
  }

  const SORTS: SortEntry[][] = [
    [],
    [{ id: "Duration", desc: true }],
    [{ id: "DialStatus", desc: false }],
    [{ id: "Type", desc: true }],
    [{ id: "CallerNumber", desc: false }],
    [{ id: "TargetNumber", desc: true }],
    [
      { id: "RepresentativeName", desc: false },
      { id: "RingTime", desc: true },
    ],
    [
      { id: "QueueName", desc: true },
      { id: "HasRecording", desc: true },
    ],
    [{ id: "TargetExtension", desc: false }],
    [{ id: "CustomData", desc: false }],
    [
      { id: "Price", desc: false },
      { id: "Date", desc: true },
    ],
  ];

  it("orders every column as the browser's table does, in both languages", async () => {
    for (const locale of ["en", "he"] as const) {
      for (const sort of SORTS) {
        const { where, order } = await view(NO_LOCAL_FILTERS, sort, locale);
        const rows = await readPage(handle.db, where, order, {
          offset: 0,
          limit: 100_000,
          fields: FIELD_NAMES,
        });
        const expected = browser(NO_LOCAL_FILTERS, sort, locale).map((c) => c.CallID);
        expect(
          rows.map((c) => c.CallID),
          `${locale} ${JSON.stringify(sort)}`,
        ).toEqual(expected);
      }
    }
  });

  it("pages continue where the last ended, and rows are the /api/calls rows", async () => {
    const sort = [{ id: "Duration", desc: true }];
    const { where, order } = await view(NO_LOCAL_FILTERS, sort);
    const expected = browser(NO_LOCAL_FILTERS, sort);
    const second = await readPage(handle.db, where, order, {
      offset: 300,
      limit: 200,
      fields: FIELD_NAMES,
    });
    expect(second).toEqual(expected.slice(300, 500));
    expect(await countWhere(handle.db, where)).toBe(calls.length);
  });

  it("filters as the browser filters records, the agent and the heatmap cell included", async () => {
    const agent = calls.find((c) => c.RepresentativeCode)?.RepresentativeCode ?? "";
    const queue = calls.find((c) => c.QueueName)?.QueueName ?? null;
    const cases: LocalFilters[] = [
      { ...NO_LOCAL_FILTERS, status: ["ANSWER", "ABANDONE"] },
      { ...NO_LOCAL_FILTERS, minDur: 30, maxDur: 300 },
      { ...NO_LOCAL_FILTERS, maxDur: 0 },
      { ...NO_LOCAL_FILTERS, queueName: queue },
      { ...NO_LOCAL_FILTERS, when: { weekday: 2, hour: 10 } },
      { ...NO_LOCAL_FILTERS, agent: `code:${agent}` },
      { ...NO_LOCAL_FILTERS, agent: `code:${agent}`, status: ["ANSWER"] },
    ];
    for (const filters of cases) {
      const { where, order } = await view(filters, [{ id: "Date", desc: true }]);
      const rows = await readPage(handle.db, where, order, {
        offset: 0,
        limit: 100_000,
        fields: ["CallID"],
      });
      const expected = browser(filters, [{ id: "Date", desc: true }]).map((c) => c.CallID);
      expect(expected.length, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(
        rows.map((c) => c.CallID),
        JSON.stringify(filters),
      ).toEqual(expected);
      // the held records (the compact fields) are filtered alike: a view's count from them
      const held = await recordsOf(handle.db, range);
      const counted = filterCallsLocally(held, filters, { timeZone: ZONE, range }).length;
      expect(counted, JSON.stringify(filters)).toBe(rows.length);
    }
  });

  it("draws the charts the browser draws over the same records", async () => {
    for (const filters of [NO_LOCAL_FILTERS, { ...NO_LOCAL_FILTERS, minDur: 10 }]) {
      const { where } = await view(filters, []);
      const kept = filterCallsLocally(calls, filters, { timeZone: ZONE, range });
      const figures = await computeChartFigures(handle.db, where, { timeZone: ZONE, range });
      expect(figures.volume).toEqual(callVolume(kept, { timeZone: ZONE, range }));
      expect(figures.statuses).toEqual(countByStatus(kept));
      expect(figures.histogram).toEqual(durationHistogram(kept));
      // from the kept records, once read: the same
      const kept2 = await recordsOf(handle.db, range);
      expect(chartFiguresOf(kept2, filters, { timeZone: ZONE, range })).toEqual({
        records: kept.length,
        ...figures,
      });
    }
  });

  it("counts conversations, callbacks and the heatmap as the browser does", async () => {
    const agent = calls.find((c) => c.RepresentativeCode)?.RepresentativeCode ?? "";
    for (const filters of [NO_LOCAL_FILTERS, { ...NO_LOCAL_FILTERS, agent: `code:${agent}` }]) {
      const figures = await computeConversationFigures(handle.db, range, {
        filters,
        timeZone: ZONE,
        range,
        shortAbandonSeconds: 5,
        serviceLevelSeconds: 20,
      });
      if ("limited" in figures) throw new Error(`refused: ${JSON.stringify(figures)}`);
      const local = deriveConversations(calls, filters, { timeZone: ZONE, range });
      const shown = local.shown.conversations;
      expect(figures.kpis).toEqual(
        computeConversationKpis(shown, { shortAbandonSeconds: 5, serviceLevelSeconds: 20 }),
      );
      expect(figures.callbacks).toEqual(computeCallbacks(shown, { now: range.to }).kpis);
      expect(figures.heatmap).toEqual(
        computeHeatmap(local.heatmap.conversations, { timeZone: ZONE, range }),
      );
    }
  });

  it("reads the range's records in slices, each continuing where the last ended", async () => {
    const whole = await readCompact(handle.db, range);
    expect(whole.map((c) => c.CallID)).toEqual(calls.map((c) => c.CallID));
    expect(await readCompact(handle.db, range, 333)).toEqual(whole);
    expect(readyRecordsOf(handle.db, range)).toBe(await recordsOf(handle.db, range));
  });

  it("refuses to read more records than it may hold, naming how many there are", async () => {
    expect(await readCompact(handle.db, range, 333, calls.length)).toHaveLength(calls.length);
    const refused = readCompact(handle.db, range, 333, calls.length - 1);
    await expect(refused).rejects.toBeInstanceOf(RecordLimitError);
    await expect(refused).rejects.toMatchObject({ records: calls.length, max: calls.length - 1 });
  });

  it("keeps a view's figure a minute, then computes it again", async () => {
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    const now = Date.now();
    expect(await keptFigure(handle.db, range, "probe", compute, now)).toBe(1);
    expect(await keptFigure(handle.db, range, "probe", compute, now + 59_000)).toBe(1);
    expect(await keptFigure(handle.db, range, "other", compute, now + 59_000)).toBe(2);
    expect(await keptFigure(handle.db, range, "probe", compute, now + 61_000)).toBe(3);
  });

  it("reads rows stored before the compact column as it reads the others", async () => {
    const options = {
      filters: NO_LOCAL_FILTERS,
      timeZone: ZONE,
      range,
      shortAbandonSeconds: 5,
      serviceLevelSeconds: 20,
    };
    const written = await computeConversationFigures(handle.db, range, options);
    const { rows } = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from stored_call where compact is not null`,
    );
    expect(rows[0]?.n).toBe(calls.length);
    await handle.db.execute(sql`update stored_call set compact = null where cdr_type % 2 = 0`);
    try {
      // a minute later than the kept set: read again
      const read = await computeConversationFigures(handle.db, range, {
        ...options,
        now: Date.now() + 120_000,
      });
      expect(read).toEqual(written);
    } finally {
      await handle.db.execute(sql`update stored_call set compact = ${sql.raw(COMPACT_READ)}`);
    }
  });

  it("exports every row as the browser writes them", async () => {
    const sort = [
      { id: "Type", desc: false },
      { id: "Duration", desc: true },
    ];
    const columns = [
      "Date",
      "Type",
      "DialStatus",
      "CallerNumber",
      "Duration",
      "Price",
      "HasRecording",
    ];
    const options = { timeZone: ZONE, locale: "he", t: tableTranslatorFor("he") };
    const { where, order } = await view(NO_LOCAL_FILTERS, sort, "he");
    const rows: ApiCall[] = [];
    for await (const slice of readAllInOrder(handle.db, where, order, FIELD_NAMES, 700))
      rows.push(...slice);
    expect(rows.length).toBe(calls.length);
    expect(callsToCsv(rows, columns, options)).toBe(
      callsToCsv(browser(NO_LOCAL_FILTERS, sort, "he"), columns, options),
    );
  });
});
