import { describe, expect, it } from "vitest";

import { fetchCdrPage, type CdrEndpoint } from "./cdr-api";
import { UpstreamError } from "./cdr-api-errors";
import type { CdrQuery } from "./request";

/** Shapes the simulator does not produce, from a tiny fake upstream. */

const CODE = "canary-Zq8x-7Kp2";
const QUERY: CdrQuery = {
  from: Date.UTC(2024, 5, 12, 0, 0, 0),
  to: Date.UTC(2024, 5, 12, 23, 59, 59),
  fields: ["Duration", "DialStatus"],
  sort: [{ field: "Date", order: "asc" }],
};

interface Seen {
  body: Record<string, unknown>;
  headers: Headers;
}

function endpoint(
  answer: (seen: Seen, signal: AbortSignal | undefined) => Response | Promise<Response>,
  overrides: Partial<CdrEndpoint> = {},
): CdrEndpoint & { seen: Seen[] } {
  const seen: Seen[] = [];
  return {
    url: "http://upstream.test/hub/cdr/",
    code: CODE,
    auth: "body",
    timeoutMs: 5_000,
    seen,
    fetch: async (_input, init) => {
      const s = {
        body: JSON.parse(init?.body as string) as Record<string, unknown>,
        headers: new Headers(init?.headers),
      };
      seen.push(s);
      return answer(s, init?.signal ?? undefined);
    },
    ...overrides,
  };
}

const json = (body: unknown, status = 200) => Response.json(body, { status });
const text = (body: string, status = 200, type = "text/html") =>
  new Response(body, { status, headers: { "content-type": type } });

async function failure(
  upstream: CdrEndpoint,
  opts: { signal?: AbortSignal } = {},
): Promise<UpstreamError> {
  const error = await fetchCdrPage(upstream, QUERY, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  const e = error as UpstreamError;
  expect(`${e.message} ${e.upstreamDescription ?? ""} ${JSON.stringify(e)}`).not.toContain(CODE);
  return e;
}

describe("fetchCdrPage: the request", () => {
  it("POSTs the documented body with the code, the asked fields plus CallID and Date, and the sort", async () => {
    const upstream = endpoint(() =>
      json({ ERROR_NUMBER: 0, TOTAL_HITS: 0, RETURN_HITS: 0, CDR_LIST: [] }),
    );
    await fetchCdrPage(upstream, QUERY);
    const body = upstream.seen[0]?.body;
    expect(body).toMatchObject({
      code: CODE,
      search: [{ fromdate: "2024-06-12T00:00:00", todate: "2024-06-12T23:59:59" }],
      sort: [{ field: "Date", order: "asc" }],
    });
    expect(new Set(body?.fields as string[])).toEqual(
      new Set(["CallID", "Date", "Duration", "DialStatus"]),
    );
  });

  it("sends the code as a bearer token, not in the body, when auth is bearer", async () => {
    const upstream = endpoint(() => json({ CDR_LIST: [] }), { auth: "bearer" });
    await fetchCdrPage(upstream, QUERY);
    expect(upstream.seen[0]?.headers.get("authorization")).toBe(`Bearer ${CODE}`);
    expect(JSON.stringify(upstream.seen[0]?.body)).not.toContain(CODE);
  });
});

describe("fetchCdrPage: reading answers", () => {
  it("reads a success however it is spelled", async () => {
    const upstream = endpoint(() =>
      json({
        error_number: "0",
        total_hits: "2",
        return_hits: "2",
        cdr_list: [
          { callid: "a", date: "2024-06-12 10:00:00", duration: "33" },
          { CallID: "b", Date: "2024-06-12T10:00:05Z", Duration: 4 },
        ],
      }),
    );
    const page = await fetchCdrPage(upstream, QUERY);
    expect(page).toMatchObject({ totalHits: 2, returnHits: 2, rejected: { count: 0 } });
    expect(page.calls).toEqual([
      { CallID: "a", Date: "2024-06-12T10:00:00Z", Duration: 33 },
      { CallID: "b", Date: "2024-06-12T10:00:05Z", Duration: 4 },
    ]);
  });

  it("counts records without a CallID or Date as rejected instead of keeping them", async () => {
    const upstream = endpoint(() =>
      json({
        TOTAL_HITS: 2,
        CDR_LIST: [{ CallID: "a", Date: "2024-06-12 10:00:00" }, { Date: "2024-06-12 10:00:00" }],
      }),
    );
    const page = await fetchCdrPage(upstream, QUERY);
    expect(page.calls).toHaveLength(1);
    expect(page.rejected).toEqual({ count: 1, reasons: ["CallID: missing"] });
  });

  it.each([
    [1, 200, "rate-limited"],
    ["1", 403, "rate-limited"],
    [2, 200, "unauthorized"],
    [2, 403, "unauthorized"],
    [4, 403, "untrusted-ip"],
    [5, 404, "out-of-range"],
    [5, 200, "out-of-range"],
    [9, 200, "upstream"],
  ] as const)("maps ERROR_NUMBER %j with HTTP %i to %s", async (errorNumber, status, kind) => {
    const upstream = endpoint(() =>
      json(
        { ERROR_NUMBER: errorNumber, ERROR_DESCRIPTION: "something", STATUS_CODE: status },
        status,
      ),
    );
    const error = await failure(upstream);
    expect(error.kind).toBe(kind);
    expect(error.errorNumber).toBe(Number(errorNumber));
  });

  it("names the address the upstream did not trust", async () => {
    const upstream = endpoint(() =>
      json({ ERROR_NUMBER: 4, ERROR_DESCRIPTION: "IP address 203.0.113.7 is not trusted." }, 403),
    );
    const error = await failure(upstream);
    expect(error.ip).toBe("203.0.113.7");
    expect(error.message).toContain("203.0.113.7");
  });

  it("scrubs the code from upstream text before quoting it anywhere", async () => {
    const upstream = endpoint(() =>
      json({
        ERROR_NUMBER: 9,
        ERROR_DESCRIPTION: `Unknown account ${CODE} (${encodeURIComponent(CODE)})`,
      }),
    );
    const error = await failure(upstream);
    expect(error.message).toContain("[redacted]");
    expect(error.message.toLowerCase()).not.toContain(CODE.toLowerCase());
    const shouting = endpoint(() =>
      json({ ERROR_NUMBER: 2, ERROR_DESCRIPTION: `bad code ${CODE.toUpperCase()}` }),
    );
    expect((await failure(shouting)).upstreamDescription).toBe("bad code [redacted]");
  });

  it.each([
    [
      "an HTML page with HTTP 200",
      () => text("<html><body>Maintenance</body></html>"),
      "malformed",
    ],
    [
      "truncated JSON",
      () => text('{"ERROR_NUMBER":0,"CDR_LIST":[{"CallID":"a"', 200, "application/json"),
      "malformed",
    ],
    ["an empty body", () => text("", 200, "application/json"), "malformed"],
    ["JSON that is not an object", () => json([1, 2, 3]), "malformed"],
    ["a CDR_LIST that is not a list", () => json({ CDR_LIST: "none" }), "malformed"],
    ["HTTP 502 with an HTML page", () => text("<h1>Bad gateway</h1>", 502), "http"],
    ["HTTP 500 with JSON saying OK", () => json({ ERROR_NUMBER: 0 }, 500), "http"],
    ["HTTP 429", () => text("slow down", 429, "text/plain"), "rate-limited"],
  ] as const)("turns %s into a %s error", async (_what, answer, kind) => {
    const error = await failure(endpoint(answer));
    expect(error.kind).toBe(kind);
  });

  it("turns a refused connection into a network error naming the cause, not the URL", async () => {
    const upstream = endpoint(() => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
      });
    });
    const error = await failure(upstream);
    expect(error.kind).toBe("network");
    expect(error.message).toBe("could not reach the Voicenter API (ECONNREFUSED)");
  });

  it("gives up after timeoutMs with a timeout error", async () => {
    const hang = (_seen: Seen, signal: AbortSignal | undefined) =>
      new Promise<Response>((_resolve, reject) =>
        signal?.addEventListener("abort", () => reject(signal.reason as Error)),
      );
    const error = await failure(endpoint(hang, { timeoutMs: 30 }));
    expect(error.kind).toBe("timeout");
  });

  it("passes the caller's own cancellation through untouched", async () => {
    const hang = (_seen: Seen, signal: AbortSignal | undefined) =>
      new Promise<Response>((_resolve, reject) =>
        signal?.addEventListener("abort", () => reject(signal.reason as Error)),
      );
    const controller = new AbortController();
    const pending = fetchCdrPage(endpoint(hang), QUERY, { signal: controller.signal });
    const reason = new Error("viewer left");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
