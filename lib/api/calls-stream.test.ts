import { describe, expect, it } from "vitest";

import {
  CALLS_LINE_END,
  CALLS_LINE_START,
  CallsStreamError,
  encodeEvent,
  readCallsEvents,
  readLines,
  type CallsStreamEvent,
  type SummaryEvent,
} from "./calls-stream";

const encoder = new TextEncoder();

/** A body that delivers `text` in chunks of `size` bytes (so lines and characters split). */
function body(text: string, size = 7): ReadableStream<Uint8Array> {
  const bytes = encoder.encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + size));
      at += size;
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>): Promise<CallsStreamEvent[]> {
  const out: CallsStreamEvent[] = [];
  for await (const event of readCallsEvents(stream)) out.push(event);
  return out;
}

const summary: SummaryEvent = {
  type: "summary",
  total: 3,
  complete: true,
  upstreamRequests: 1,
  rejected: { count: 0, reasons: [] },
  mode: "demo",
  range: { from: "2024-06-17T00:00:00.000Z", to: "2024-06-18T00:00:00.000Z" },
};
const call = (id: string) => ({ CallID: id, HasRecording: false, CallerNumber: "שלום 050" });
const callsLine = (ids: string[]) =>
  CALLS_LINE_START + ids.map((id) => JSON.stringify(call(id))).join(",") + CALLS_LINE_END;

describe("the /api/calls stream (NDJSON)", () => {
  it("reads progress, slices and the summary, however the bytes are cut", async () => {
    const text =
      encodeEvent({
        type: "progress",
        loaded: 0,
        expected: 3,
        windowsDone: 0,
        windowsPlanned: 2,
        upstreamRequests: 0,
      }) +
      callsLine(["a", "b"]) +
      callsLine(["c"]) +
      encodeEvent(summary);
    for (const size of [1, 3, 64, 10_000]) {
      const events = await all(body(text, size));
      expect(events.map((e) => e.type)).toEqual(["progress", "calls", "calls", "summary"]);
      const calls = events.flatMap((e) => (e.type === "calls" ? e.calls : []));
      expect(calls).toEqual([call("a"), call("b"), call("c")]);
      expect(events[3]).toEqual(summary);
    }
  });

  it("ends at an error event with the registry's code", async () => {
    const text =
      callsLine(["a"]) +
      encodeEvent({
        type: "error",
        status: 503,
        error: { code: "upstream_rate_limited", message: "try again in 5 s" },
      });
    const events = await all(body(text));
    expect(events.at(-1)).toEqual({
      type: "error",
      status: 503,
      error: { code: "upstream_rate_limited", message: "try again in 5 s" },
    });
  });

  it("says a stream that ends before its summary was cut short", async () => {
    const cutBetween = callsLine(["a"]);
    await expect(all(body(cutBetween))).rejects.toMatchObject({ kind: "truncated" });
    const cutInside = callsLine(["a", "b"]).slice(0, 40);
    await expect(all(body(cutInside))).rejects.toBeInstanceOf(CallsStreamError);
    await expect(all(body(cutInside))).rejects.toMatchObject({ kind: "truncated" });
  });

  it("refuses lines that are not the API's events", async () => {
    await expect(all(body("<html>502 Bad Gateway</html>\n"))).rejects.toMatchObject({
      kind: "unreadable",
    });
    await expect(all(body('{"type":"gossip"}\n'))).rejects.toMatchObject({
      kind: "unreadable",
    });
    await expect(
      all(body('{"type":"error","status":500,"error":{"code":"no_such_code","message":"x"}}\n')),
    ).rejects.toMatchObject({ kind: "unreadable" });
  });

  it("keeps a multi-byte character split across chunks, and skips blank lines", async () => {
    const lines: string[] = [];
    for await (const line of readLines(body("\nשלום\n\n{}\n", 1))) lines.push(line);
    expect(lines).toEqual(["שלום", "{}"]);
  });
});
