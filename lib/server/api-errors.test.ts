import { describe, expect, it } from "vitest";

import { apiErrorSchema } from "@/lib/api/error-codes";
import { UpstreamError, type UpstreamErrorKind } from "@/lib/voicenter/cdr-api-errors";

import { badParameterResponse, errorToResponse } from "./api-errors";

const CODE = "canary-Zq8x-7Kp2";

async function envelope(response: Response) {
  const body: unknown = await response.json();
  return apiErrorSchema.parse(body).error;
}

describe("badParameterResponse", () => {
  it("is a 400 naming the parameter", async () => {
    const response = badParameterResponse("from", "a time zone is required");
    expect(response.status).toBe(400);
    expect(await envelope(response)).toMatchObject({
      code: "bad_parameter",
      message: "from: a time zone is required",
    });
  });
});

describe("errorToResponse", () => {
  it.each<[UpstreamErrorKind, number, RegExp]>([
    ["unauthorized", 502, /account code was refused — check VOICENTER_CODE/],
    ["untrusted-ip", 502, /egress IP address \(203\.0\.113\.7\).*trusted IP list/],
    ["out-of-range", 422, /refused the date range/],
    ["rate-limited", 503, /try again in 42 s/],
    ["timeout", 504, /did not answer in time/],
    ["network", 502, /could not reach/],
    ["http", 502, /failed \(HTTP 503\)/],
    ["malformed", 502, /unreadable answer/],
    ["upstream", 502, /error 9/],
  ])("maps %s to HTTP %i with a message a person can act on", async (kind, status, message) => {
    const error = new UpstreamError(kind, `raw text with ${CODE}`, {
      status: 503,
      errorNumber: 9,
      ip: "203.0.113.7",
      retryAfterMs: 41_500,
      upstreamDescription: `more ${CODE}`,
    });
    const response = errorToResponse(error);
    expect(response.status).toBe(status);
    const text = await response.clone().text();
    expect(text).not.toContain(CODE);
    expect((await envelope(response)).message).toMatch(message);
  });

  it("says when to retry after the budget ran out", () => {
    const response = errorToResponse(
      new UpstreamError("rate-limited", "x", { retryAfterMs: 41_500 }),
    );
    expect(response.headers.get("retry-after")).toBe("42");
  });

  it("answers anything unexpected with a bare 500, logging it without the code", async () => {
    const logged: string[] = [];
    const response = errorToResponse(new Error(`database password and code ${CODE}`), {
      log: (m) => logged.push(m),
      secrets: [CODE],
    });
    expect(response.status).toBe(500);
    expect(await envelope(response)).toEqual({ code: "internal_error", message: "internal error" });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("[redacted]");
    expect(logged[0]).not.toContain(CODE);
  });
});
