import { beforeAll, describe, expect, it } from "vitest";

import { buildCdrRequestBody } from "@/lib/voicenter/request";
import { recordingFailure } from "@/testing/recordings";
import { inProcessSimulator } from "@/testing/simulator";

import { fetchHop } from "./recording-transport";
import { streamRecording, type StreamRecordingOptions } from "./recordings";

/** Recordings as the simulator serves them, in process: ranges, sizes, names, and a miss. */

const SECRET = "S3cr3t-Acc0unt";

function failure(promise: Promise<unknown>) {
  return recordingFailure(promise, [SECRET, "simulator.internal"]);
}

async function body(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

describe("streamRecording against the simulator's recordings", () => {
  const NOW = Date.parse("2024-06-12T12:00:00Z");
  const { fetch: simFetch } = inProcessSimulator({
    code: SECRET,
    seed: 7,
    callsPerDay: 300,
    publicBaseUrl: "http://simulator.internal",
    now: () => NOW,
  });
  let recordUrl = "";
  let whole = Buffer.alloc(0);

  beforeAll(async () => {
    const body = buildCdrRequestBody(
      {
        from: Date.parse("2024-06-11T05:00:00Z"),
        to: Date.parse("2024-06-11T15:00:00Z"),
        fields: ["CallID", "RecordURL"],
      },
      SECRET,
    );
    const answer = await simFetch("http://simulator.internal/hub/cdr/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const { CDR_LIST } = (await answer.json()) as {
      CDR_LIST: { CallID: string; RecordURL?: string }[];
    };
    recordUrl = CDR_LIST.find((call) => call.RecordURL)?.RecordURL ?? "";
    expect(recordUrl).toMatch(/^http:\/\/simulator\.internal\/recordings\/\w+\.wav$/);
    whole = Buffer.from(await (await simFetch(recordUrl)).arrayBuffer());
    expect(whole.length).toBeGreaterThan(10_000);
  });

  const play = (opts: Partial<StreamRecordingOptions> = {}) =>
    streamRecording({
      recordUrl,
      source: {
        hosts: [{ host: "simulator.internal", port: "", subdomains: false }],
        hop: fetchHop(simFetch),
      },
      timeoutMs: 5000,
      ...opts,
    });

  it("streams the whole recording with the headers a player needs", async () => {
    const response = await play();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("content-length")).toBe(String(whole.length));
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("cache-control")).toMatch(/^private\b/);
    expect(response.headers.get("content-range")).toBeNull();
    expect((await body(response)).equals(whole)).toBe(true);
  });

  it.each([
    ["bytes=0-1", 0, 1],
    ["bytes=0-", 0, undefined],
    ["bytes=1000-4999", 1000, 4999],
    ["bytes=-500", -500, undefined],
  ])("passes %s through as 206 with exactly those bytes", async (range, start, end) => {
    const response = await play({ range });
    const first = start < 0 ? whole.length + start : start;
    const last = end ?? whole.length - 1;
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${first}-${last}/${whole.length}`);
    expect(response.headers.get("content-length")).toBe(String(last - first + 1));
    expect((await body(response)).equals(whole.subarray(first, last + 1))).toBe(true);
  });

  it("a range past the end → 416 with the recording's size", async () => {
    const error = await failure(play({ range: `bytes=${whole.length + 10}-` }));
    expect(error).toMatchObject({
      kind: "range-not-satisfiable",
      status: 416,
      totalBytes: whole.length,
    });
  });

  it("names the download after the call, with the extension of its type", async () => {
    const response = await play({ downloadBaseName: "call-abc123" });
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="call-abc123.wav"',
    );
    await response.body?.cancel();
  });

  it("a call without a recording → recording not found or expired", async () => {
    const error = await failure(
      play({ recordUrl: "http://simulator.internal/recordings/nosuchcall.wav" }),
    );
    expect(error).toMatchObject({
      kind: "not-found",
      status: 404,
      message: "recording not found or expired",
    });
  });
});
