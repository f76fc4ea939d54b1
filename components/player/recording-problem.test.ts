import { describe, expect, it } from "vitest";

import type { ApiErrorCode } from "@/lib/api/error-codes";

import { probeRecording, problemFromAnswer, type RecordingProblem } from "./recording-problem";

const answer = (status: number, code: string) =>
  Promise.resolve(Response.json({ error: { code, message: "…" } }, { status }));

describe("why a recording does not play", () => {
  it.each<[number, ApiErrorCode | undefined, RecordingProblem]>([
    [404, "no_recording", "no-recording"],
    [404, "recording_not_found", "not-found"],
    [429, "recording_rate_limited", "rate-limited"],
    [502, "recording_refused", "refused"],
    [502, "recording_not_audio", "not-audio"],
    [504, "recording_timeout", "unavailable"],
    [503, "upstream_rate_limited", "rate-limited"],
    [500, "internal_error", "unknown"],
    // No envelope (a proxy answered): the status alone decides.
    [429, undefined, "rate-limited"],
  ])("HTTP %d %s → %s", (status, code, problem) => {
    expect(problemFromAnswer(status, code)).toBe(problem);
  });

  it("asks the route for a few bytes and reads its error envelope", async () => {
    let range: string | null = null;
    const problem = await probeRecording("/api/recordings/x", 4, undefined, (_input, init) => {
      range = new Headers(init?.headers).get("range");
      return answer(404, "recording_not_found");
    });
    expect(problem).toBe("not-found");
    expect(range).toBe("bytes=0-1023");
  });

  it("audio served now means the browser could not play it (or the network hiccuped)", async () => {
    const audio = () => Promise.resolve(new Response(new Uint8Array(1024), { status: 206 }));
    expect(await probeRecording("/r", 4, undefined, audio)).toBe("unsupported");
    expect(await probeRecording("/r", 2, undefined, audio)).toBe("unavailable");
  });

  it("no answer at all → unavailable; a body that is not the envelope → by status", async () => {
    expect(
      await probeRecording("/r", 4, undefined, () => Promise.reject(new TypeError("offline"))),
    ).toBe("unavailable");
    expect(
      await probeRecording("/r", 4, undefined, () =>
        Promise.resolve(new Response("<html>", { status: 502 })),
      ),
    ).toBe("unavailable");
  });
});
