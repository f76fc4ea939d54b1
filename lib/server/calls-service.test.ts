import { describe, expect, it } from "vitest";

import { callsResponseSchema, type CallsResponse } from "@/lib/api/calls-response";
import { parseCallsParams, type CallsQuery } from "@/lib/view-state/calls-params";
import { toUpstreamRecordDate } from "@/lib/voicenter/dates";
import { parseCdrRequest } from "@/lib/voicenter/request";
import { createFakeClock } from "@/testing/fake-clock";

import { createCallsService, type CallsAnswer } from "./calls-service";
import type { UpstreamConfig } from "./upstream";

const DAY = Date.UTC(2024, 5, 12);
const H = 3_600_000;

interface Row {
  CallID: string;
  at: number;
  RecordURL: string;
  RecordExpect: boolean;
  Duration: number;
}

const ROWS: Row[] = Array.from({ length: 40 }, (_, i) => ({
  CallID: `call-${String(i).padStart(2, "0")}`,
  at: DAY + 8 * H + i * 60_000,
  RecordURL: i % 2 === 0 ? `https://records.test/secret/${i}.mp3?token=t${i}` : "",
  RecordExpect: i % 4 === 1,
  Duration: i,
}));

/** A small upstream that reads the request the way the real one does and answers with ROWS. */
function fakeUpstream(): UpstreamConfig & { bodies: Record<string, unknown>[] } {
  const bodies: Record<string, unknown>[] = [];
  return {
    mode: "demo",
    url: "http://upstream.test/hub/cdr/",
    code: "service-test-code",
    auth: "body",
    rateLimitPerMinute: 30,
    timeoutMs: 5_000,
    bodies,
    fetch: async (_input, init) => {
      const body = JSON.parse(init?.body as string) as Record<string, unknown>;
      bodies.push(body);
      const parsed = parseCdrRequest(body);
      if (!parsed.ok)
        return Response.json(
          { ERROR_NUMBER: 5, ERROR_DESCRIPTION: parsed.reason },
          { status: 404 },
        );
      const { from, to, callId, fields = [] } = parsed.query;
      const hits = ROWS.filter(
        (r) => r.at >= from && r.at <= to && (!callId || r.CallID === callId),
      );
      const list = hits.map((r) => {
        const full: Record<string, unknown> = { ...r, Date: toUpstreamRecordDate(r.at) };
        return Object.fromEntries(fields.map((f) => [f, full[f]]));
      });
      await Promise.resolve();
      return Response.json({
        ERROR_NUMBER: 0,
        TOTAL_HITS: hits.length,
        RETURN_HITS: hits.length,
        CDR_LIST: list,
      });
    },
  };
}

/** The answer as the browser reads it. */
function responseOf(answer: CallsAnswer): CallsResponse {
  const decoder = new TextDecoder();
  const text =
    answer.body.map((chunk) => decoder.decode(chunk, { stream: true })).join("") + decoder.decode();
  return JSON.parse(text) as CallsResponse;
}

function query(search: string): CallsQuery {
  const parsed = parseCallsParams(new URLSearchParams(search));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

const DAY_QUERY = "from=2024-06-12T00:00:00Z&to=2024-06-13T00:00:00Z";

describe("createCallsService", () => {
  it("serves 50 concurrent viewers of one URL with one upstream request, then from the cache", async () => {
    const clock = createFakeClock(DAY + 48 * H);
    const upstream = fakeUpstream();
    const service = createCallsService({ upstream, now: clock.now, sleep: clock.sleep });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => service.getCalls(query(DAY_QUERY))),
    );
    expect(upstream.bodies).toHaveLength(1);
    expect(results.filter((r) => r.source === "load")).toHaveLength(1);
    expect(results.filter((r) => r.source === "joined")).toHaveLength(49);
    expect(new Set(results.map((r) => r.answer)).size).toBe(1);

    clock.advance(30 * 60_000);
    expect((await service.getCalls(query(DAY_QUERY))).source).toBe("cache");
    expect(upstream.bodies).toHaveLength(1);
    expect(service.stats().governor.requests).toBe(1);
  });

  it("reports a running load's progress to any viewer of the same query, and forgets it after", async () => {
    const clock = createFakeClock(DAY + 48 * H);
    const upstream = fakeUpstream();
    const service = createCallsService({ upstream, now: clock.now, sleep: clock.sleep });
    const seen: number[] = [];
    const load = service.getCalls(query(DAY_QUERY), {
      onProgress: () => seen.push(service.progressOf(query(DAY_QUERY))?.loaded ?? -1),
    });
    expect(service.progressOf(query(DAY_QUERY))).toBeUndefined();
    await load;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(ROWS.length);
    expect(service.progressOf(query(DAY_QUERY))).toBeUndefined();
  });

  it("keeps a range that may still change for 30 seconds only", async () => {
    const clock = createFakeClock(DAY + 20 * H);
    const upstream = fakeUpstream();
    const service = createCallsService({ upstream, now: clock.now, sleep: clock.sleep });
    await service.getCalls(query(DAY_QUERY));
    clock.advance(20_000);
    expect((await service.getCalls(query(DAY_QUERY))).source).toBe("cache");
    clock.advance(11_000);
    expect((await service.getCalls(query(DAY_QUERY))).source).toBe("load");
    expect(upstream.bodies).toHaveLength(2);
  });

  it("hands out calls without RecordURL, with HasRecording, in the documented response shape", async () => {
    const upstream = fakeUpstream();
    const service = createCallsService({ upstream, now: () => DAY + 48 * H });
    const response = responseOf(
      (await service.getCalls(query(`${DAY_QUERY}&fields=Duration`))).answer,
    );
    expect(callsResponseSchema.parse(response)).toBeTruthy();
    expect(response).toMatchObject({
      total: 40,
      complete: true,
      upstreamRequests: 1,
      mode: "demo",
    });
    expect(response.range).toEqual({
      from: "2024-06-12T00:00:00.000Z",
      to: "2024-06-13T00:00:00.000Z",
    });
    expect(response.calls[0]).toEqual({
      CallID: "call-00",
      Date: "2024-06-12T08:00:00Z",
      Duration: 0,
      HasRecording: true,
    });
    expect(response.calls.map((c) => c.HasRecording).slice(0, 4)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(JSON.stringify(response)).not.toContain("records.test");
    // RecordURL is fetched for the server's own use even when the page did not ask for it.
    expect(upstream.bodies[0]?.fields).toEqual(
      expect.arrayContaining(["RecordURL", "RecordExpect", "Duration"]),
    );
  });

  it("resolves a RecordURL from what it has already fetched, and asks the upstream otherwise", async () => {
    const upstream = fakeUpstream();
    const service = createCallsService({ upstream, now: () => DAY + 48 * H });
    await service.getCalls(query("from=2024-06-12T08:00:00Z&to=2024-06-12T08:10:00Z"));
    expect(await service.lookupRecordUrl("call-02")).toBe(
      "https://records.test/secret/2.mp3?token=t2",
    );
    expect(upstream.bodies).toHaveLength(1);

    expect(await service.lookupRecordUrl("call-30", { around: DAY + 8 * H })).toBe(
      "https://records.test/secret/30.mp3?token=t30",
    );
    expect(upstream.bodies).toHaveLength(2);
    expect(upstream.bodies[1]).toMatchObject({ search: [{ callID: "call-30" }] });
    expect(await service.lookupRecordUrl("call-31")).toBeUndefined();
  });

  it("does not cache a result that is incomplete", async () => {
    const upstream = fakeUpstream();
    let calls = 0;
    const failing: UpstreamConfig = {
      ...upstream,
      // The first answer claims more calls than it sends, so the result is incomplete.
      fetch: async (input, init) => {
        calls++;
        const response = await upstream.fetch(input, init);
        const body = (await response.json()) as Record<string, unknown>;
        return Response.json({ ...body, TOTAL_HITS: 41 });
      },
    };
    const service = createCallsService({ upstream: failing, now: () => DAY + 48 * H });
    const first = await service.getCalls(query(DAY_QUERY));
    expect(first.answer.summary.complete).toBe(false);
    expect(first.answer.summary.upstreamTotal).toBe(41);
    await service.getCalls(query(DAY_QUERY));
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
