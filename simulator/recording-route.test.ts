import { describe, expect, it } from "vitest";

import { parseRange } from "./recording-route";
import { hasRecording, isVisible, type SimCall } from "./sim-call";
import { answer, DAY, NOW, ORIGIN, postRequest, testSimulator } from "./test-helpers";
import { MAX_RECORDING_SECONDS, SAMPLE_RATE, WAV_HEADER_BYTES } from "./wav";

const sim = testSimulator({ rateLimit: 2 });
const yesterday = sim.store.day(Math.floor(NOW / DAY) - 1);
const recorded = yesterday.filter(hasRecording);
const short = recorded.find((c) => c.duration > 20 && c.duration < 120) as SimCall;
const long = recorded.find((c) => c.duration > MAX_RECORDING_SECONDS) as SimCall;

const fetchRecording = (
  call: { callId: string },
  headers: Record<string, string> = {},
  method = "GET",
) =>
  sim.handle(
    new Request(`${ORIGIN}/recordings/${call.callId}.wav`, { method, headers }),
    "203.0.113.9",
  );

async function bytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

describe("/recordings/<CallID>.wav", () => {
  it("serves a valid PCM WAV as long as the call, capped at 10 minutes", async () => {
    for (const [call, seconds] of [
      [short, short.duration],
      [long, MAX_RECORDING_SECONDS],
    ] as const) {
      const response = await fetchRecording(call);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("audio/wav");
      expect(response.headers.get("accept-ranges")).toBe("bytes");
      const file = await bytes(response);
      expect(Number(response.headers.get("content-length"))).toBe(file.length);
      const view = new DataView(file.buffer);
      const text = (at: number) => String.fromCharCode(...file.subarray(at, at + 4));
      expect([text(0), text(8), text(12), text(36)]).toEqual(["RIFF", "WAVE", "fmt ", "data"]);
      expect(view.getUint16(20, true)).toBe(1);
      expect(view.getUint16(22, true)).toBe(1);
      const rate = view.getUint32(24, true);
      const byteRate = view.getUint32(28, true);
      expect(rate).toBe(SAMPLE_RATE);
      expect(view.getUint32(4, true)).toBe(file.length - 8);
      const dataBytes = view.getUint32(40, true);
      expect(dataBytes).toBe(file.length - WAV_HEADER_BYTES);
      expect(dataBytes / byteRate).toBe(seconds);
    }
  });

  it("sounds like speech: bursts of sound separated by pauses, not silence or a constant tone", async () => {
    const file = await bytes(await fetchRecording(short));
    const slotEnergy: number[] = [];
    for (let at = WAV_HEADER_BYTES; at + 2000 <= file.length; at += 2000) {
      let sum = 0;
      for (let i = at; i < at + 2000; i++) sum += Math.abs((file[i] ?? 128) - 128);
      slotEnergy.push(sum / 2000);
    }
    const loud = slotEnergy.filter((e) => e > 8).length;
    const quiet = slotEnergy.filter((e) => e < 3).length;
    expect(loud / slotEnergy.length).toBeGreaterThan(0.3);
    expect(quiet / slotEnergy.length).toBeGreaterThan(0.1);
  });

  it("serves byte ranges equal to the same bytes of the whole file", async () => {
    const whole = await bytes(await fetchRecording(long));
    const size = whole.length;
    const cases: Array<[string, number, number]> = [
      ["bytes=0-99", 0, 99],
      ["bytes=40-2000000", 40, 2_000_000],
      [`bytes=${size - 500}-`, size - 500, size - 1],
      ["bytes=-1000", size - 1000, size - 1],
      [`bytes=100-${size + 50}`, 100, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await fetchRecording(long, { range });
      expect(response.status).toBe(206);
      expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${size}`);
      expect(Number(response.headers.get("content-length"))).toBe(end - start + 1);
      // Buffer.equals: a deep toEqual over megabytes takes seconds.
      expect(Buffer.from(await bytes(response)).equals(whole.subarray(start, end + 1))).toBe(true);
    }
  });

  it("answers 416 for a range it cannot satisfy, and HEAD without a body", async () => {
    const size = Number((await fetchRecording(short, {}, "HEAD")).headers.get("content-length"));
    expect(size).toBe(WAV_HEADER_BYTES + short.duration * SAMPLE_RATE);
    for (const range of [`bytes=${size}-`, "bytes=500-100", "bytes=-0", "bytes=x-y"]) {
      const response = await fetchRecording(short, { range });
      expect(response.status).toBe(416);
      expect(response.headers.get("content-range")).toBe(`bytes */${size}`);
    }
    const head = await fetchRecording(short, { range: "bytes=0-9" }, "HEAD");
    expect(head.status).toBe(206);
    expect(await head.text()).toBe("");
    expect(parseRange("bytes=0-1,5-6", 100)).toEqual({ kind: "whole" });
  });

  it("answers 404 for a call without a recording, an unknown id, or a call not yet visible", async () => {
    const unrecorded = yesterday.find((c) => !hasRecording(c)) as SimCall;
    expect((await fetchRecording(unrecorded)).status).toBe(404);
    expect((await fetchRecording({ callId: "20240619000000abcdef0zzzz" })).status).toBe(404);
    expect((await fetchRecording({ callId: "nonsense" })).status).toBe(404);
    const today = sim.store.day(Math.floor(NOW / DAY));
    const ongoing = today.find(
      (c) => hasRecording(c) && c.epoch * 1000 < NOW && !isVisible(c, NOW),
    ) as SimCall;
    expect((await fetchRecording(ongoing)).status).toBe(404);
  });

  it("is not counted against the CDR request budget and needs no code", async () => {
    for (let i = 0; i < 5; i++)
      expect((await fetchRecording(short, { range: "bytes=0-9" })).status).toBe(206);
    const body = {
      code: "demo",
      fromdate: "2024-06-19T08:00:00",
      todate: "2024-06-19T08:05:00",
      fields: ["CallID"],
    };
    expect((await answer(sim, postRequest(body))).status).toBe(200);
    expect((await answer(sim, postRequest(body))).status).toBe(200);
    expect((await answer(sim, postRequest(body))).json.ERROR_NUMBER).toBe(1);
  });
});
