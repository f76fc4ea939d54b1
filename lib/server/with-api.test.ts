import { afterEach, describe, expect, it, vi } from "vitest";

import { API_ERROR_CODES, apiErrorEnvelopeSchema } from "@/lib/api/error-codes";
import { UpstreamError, type UpstreamErrorKind } from "@/lib/voicenter/cdr-api-errors";

import { ApiError, badParameter } from "./api-error";
import { RecordingError } from "./recording-errors";
import { withApi } from "./with-api";

const CODE = "canary-Zq8x-7Kp2";
process.env.VOICENTER_CODE = CODE;

async function envelope(response: Response) {
  const body: unknown = await response.json();
  return apiErrorEnvelopeSchema.parse(body).error;
}

/** The route a public handler makes, called as Next.js calls it (access: with-api-access.test.ts). */
function call(handler: () => Response | Promise<Response>): Promise<Response> {
  return withApi(handler, { permission: "public" })(new Request("http://localhost/api/x"));
}

afterEach(() => vi.restoreAllMocks());

describe("the error registry", () => {
  it("gives every code a 4xx or 5xx status", () => {
    for (const status of Object.values(API_ERROR_CODES)) {
      expect(status >= 400 && status < 600).toBe(true);
    }
  });
});

describe("withApi", () => {
  it("hands the handler its awaited params", async () => {
    const route = withApi<{ callId: string }>(
      (_request, { params }) => Response.json({ id: params.callId }),
      { permission: "public" },
    );
    const response = await route(new Request("http://localhost/api/recordings/a1"), {
      params: Promise.resolve({ callId: "a1" }),
    });
    expect(await response.json()).toEqual({ id: "a1" });
  });

  it("answers a bad parameter with 400, naming it in the message and in `param`", async () => {
    const response = await call(() => {
      throw badParameter("from", "a time zone is required");
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await envelope(response)).toEqual({
      code: "bad_parameter",
      message: "from: a time zone is required",
      param: "from",
    });
  });

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
  ])(
    "maps upstream %s to HTTP %i with a message a person can act on",
    async (kind, status, message) => {
      const response = await call(() => {
        throw new UpstreamError(kind, `raw text with ${CODE}`, {
          status: 503,
          errorNumber: 9,
          ip: "203.0.113.7",
          retryAfterMs: 41_500,
          upstreamDescription: `more ${CODE}`,
        });
      });
      expect(response.status).toBe(status);
      const text = await response.clone().text();
      expect(text).not.toContain(CODE);
      expect((await envelope(response)).message).toMatch(message);
    },
  );

  it("says when to retry after the budget ran out", async () => {
    const response = await call(() => {
      throw new UpstreamError("rate-limited", "x", { retryAfterMs: 41_500 });
    });
    expect(response.headers.get("retry-after")).toBe("42");
  });

  it("answers a recording failure with its code, status and headers", async () => {
    const response = await call(() => {
      throw new RecordingError("range-not-satisfiable", { totalBytes: 4096 });
    });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */4096");
    expect((await envelope(response)).code).toBe("range_not_satisfiable");
  });

  it("answers a cancelled or timed-out request with 504", async () => {
    const response = await call(() => {
      throw new DOMException("gone", "AbortError");
    });
    expect(response.status).toBe(504);
    expect((await envelope(response)).code).toBe("timeout");
  });

  it("answers anything unexpected with a bare 500, logging it without the code", async () => {
    const logged: string[] = [];
    // the server's log is pino on stdout: one JSON line per entry
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      const line = String(chunk);
      if (line.includes('"level":50')) logged.push(line);
      return true;
    });
    const response = await call(async () => {
      await Promise.resolve();
      throw new Error(`database password and code ${CODE} (${encodeURIComponent(CODE)})`);
    });
    expect(response.status).toBe(500);
    expect(await envelope(response)).toEqual({ code: "internal_error", message: "internal error" });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain("[redacted]");
    expect(logged[0]).not.toContain(CODE);
  });

  it("refuses a state-changing request from another site with 403 before the handler runs", async () => {
    let ran = 0;
    const route = withApi(
      () => {
        ran++;
        return Response.json({ ok: true });
      },
      { permission: "public" },
    );
    const from = (method: string, origin: string) =>
      route(new Request("http://localhost/api/x", { method, headers: { origin } }));

    const refused = await from("POST", "https://evil.example");
    expect(refused.status).toBe(403);
    expect(await envelope(refused)).toMatchObject({ code: "origin_not_allowed" });
    expect((await from("DELETE", "null")).status).toBe(403);
    expect(ran).toBe(0);

    expect((await from("POST", "http://localhost")).status).toBe(200);
    expect((await from("GET", "https://evil.example")).status).toBe(200);
    expect(ran).toBe(2);
  });

  it("logs nothing for the failures it explains", async () => {
    const write = vi.spyOn(process.stdout, "write");
    await call(() => {
      throw new ApiError("no_recording", "this call has no recording");
    });
    expect(write).not.toHaveBeenCalled();
  });
});
