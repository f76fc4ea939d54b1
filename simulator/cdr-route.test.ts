import { describe, expect, it } from "vitest";

import { UPSTREAM_ERRORS } from "../lib/voicenter/errors";
import { FIELD_NAMES } from "../lib/voicenter/fields";
import { readCdrResponse } from "../lib/voicenter/response";
import { answer, getRequest, ORIGIN, postRequest, testSimulator } from "./test-helpers";

const DATES = { fromdate: "2024-06-10T06:00:00", todate: "2024-06-10T07:00:00" };
const GET_DATES = [
  ["fromdate", DATES.fromdate],
  ["todate", DATES.todate],
] as const;

describe("/hub/cdr requests", () => {
  it("answers GET with repeated fields/Fields: only those fields, in that order", async () => {
    const sim = testSimulator();
    const { status, json } = await answer(
      sim,
      getRequest([
        ["code", "demo"],
        ...GET_DATES,
        ["fields", "Date"],
        ["fields", "Type"],
        ["Fields", "DID"],
        ["Fields", "CallerNumber"],
      ]),
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ ERROR_NUMBER: 0, ERROR_DESCRIPTION: "OK", STATUS_CODE: 200 });
    const list = json.CDR_LIST as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(10);
    expect(list.every((r) => Object.keys(r).join() === "Date,Type,DID,CallerNumber")).toBe(true);
    expect(list[0]?.Date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("answers POST with search as an array or object, dates at the top level, and bearer auth", async () => {
    const sim = testSimulator();
    const asArray = await answer(
      sim,
      postRequest({ code: "demo", search: [DATES], fields: ["CallID"] }),
    );
    const asObject = await answer(
      sim,
      postRequest({ search: DATES, fields: ["CallID"] }, { authorization: "Bearer demo" }),
    );
    const topLevel = await answer(sim, postRequest({ code: "demo", ...DATES, Fields: ["CallID"] }));
    const viaGet = await answer(
      sim,
      getRequest([...GET_DATES, ["fields", "CallID"]], { authorization: "Bearer demo" }),
    );
    expect(asArray.json.TOTAL_HITS).toBeGreaterThan(10);
    for (const other of [asObject, topLevel, viaGet]) expect(other.json).toEqual(asArray.json);
  });

  it("returns every documented field, typed like the upstream, when no fields are asked for", async () => {
    const sim = testSimulator();
    const { json } = await answer(sim, postRequest({ code: "demo", search: [DATES] }));
    const record = (json.CDR_LIST as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(record)).toEqual(FIELD_NAMES);
    expect(typeof record.DateEpoch).toBe("number");
    expect(typeof record.RecordExpect).toBe("boolean");
    expect(Array.isArray(record.DTMFData)).toBe(true);
    expect(typeof record.CustomData).toBe("object");
  });

  it("accepts sort as JSON text in GET", async () => {
    const sim = testSimulator();
    const sort = JSON.stringify([{ field: "duration", order: "desc" }]);
    const { read } = await answer(
      sim,
      getRequest([["code", "demo"], ...GET_DATES, ["sort", sort], ["fields", "Duration"]]),
    );
    if (read.kind !== "ok") throw new Error("expected calls");
    const durations = read.calls.map((c) => c.Duration ?? 0);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
  });
});

describe("/hub/cdr errors, checked in the upstream's order: IP, code, rate, range", () => {
  it("refuses an untrusted IP with error 4 naming it, before looking at the code", async () => {
    const sim = testSimulator();
    const { status, json } = await answer(sim, postRequest({ code: "wrong", ...DATES }), "1.2.3.4");
    expect(status).toBe(403);
    expect(json).toEqual({
      ERROR_NUMBER: 4,
      ERROR_DESCRIPTION: "IP address 1.2.3.4 is not trusted.",
      STATUS_CODE: 403,
    });
    expect(
      (await answer(sim, postRequest({ code: "demo", ...DATES }), "::ffff:127.0.0.1")).status,
    ).toBe(200);
    expect((await answer(sim, postRequest({ code: "demo", ...DATES }), "::1")).status).toBe(200);
  });

  it("refuses a wrong or missing code with error 2", async () => {
    const sim = testSimulator();
    for (const request of [
      postRequest({ code: "nope", ...DATES }),
      postRequest(DATES),
      getRequest(GET_DATES, { authorization: "Bearer x" }),
    ]) {
      const { status, json } = await answer(sim, request);
      expect(status).toBe(403);
      expect(json).toEqual({
        ERROR_NUMBER: 2,
        ERROR_DESCRIPTION: UPSTREAM_ERRORS[2].description,
        STATUS_CODE: 403,
      });
    }
  });

  it("limits requests per rolling minute with error 1 and recovers after the minute", async () => {
    const sim = testSimulator({ rateLimit: 3 });
    const ask = () => answer(sim, postRequest({ code: "demo", ...DATES, fields: ["CallID"] }));
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
    // Wrong codes are refused before the budget is counted.
    expect((await answer(sim, postRequest({ code: "nope", ...DATES }))).json.ERROR_NUMBER).toBe(2);
    const limited = await ask();
    expect(limited.status).toBe(403);
    expect(limited.json).toEqual({
      ERROR_NUMBER: 1,
      ERROR_DESCRIPTION: UPSTREAM_ERRORS[1].description,
      STATUS_CODE: 403,
    });
    // Rate before range: a bad range is still answered with 1 while over the limit.
    expect((await answer(sim, postRequest({ code: "demo" }))).json.ERROR_NUMBER).toBe(1);
    sim.clock.now += 30_000;
    expect((await ask()).json.ERROR_NUMBER).toBe(1);
    sim.clock.now += 31_000;
    expect((await ask()).status).toBe(200);
  });

  it("answers an invalid range with error 5 (missing, unreadable, reversed, longer than 93 days)", async () => {
    const sim = testSimulator();
    const bodies = [
      { code: "demo", fromdate: DATES.fromdate },
      { code: "demo", fromdate: "yesterday", todate: DATES.todate },
      { code: "demo", fromdate: DATES.todate, todate: DATES.fromdate },
      { code: "demo", fromdate: "2024-01-01T00:00:00", todate: "2024-04-04T00:00:01" },
    ];
    for (const body of bodies) {
      const { status, json } = await answer(sim, postRequest(body));
      expect(status).toBe(404);
      expect(json).toEqual({
        ERROR_NUMBER: 5,
        ERROR_DESCRIPTION: "Out of range",
        STATUS_CODE: 404,
      });
    }
    const ninetyThree = await answer(
      sim,
      postRequest({
        code: "demo",
        fromdate: "2024-03-01T00:00:00",
        todate: "2024-06-02T00:00:00",
        fields: ["CallID"],
      }),
    );
    expect(ninetyThree.status).toBe(200);
  });

  it("answers what it cannot read with a plain 400 (error 3), and unknown routes/methods with 404/405", async () => {
    const sim = testSimulator();
    const badJson = await sim.handle(
      new Request(`${ORIGIN}/hub/cdr`, {
        method: "POST",
        headers: { authorization: "Bearer demo" },
        body: "{not json",
      }),
      "127.0.0.1",
    );
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ ERROR_NUMBER: 3, STATUS_CODE: 400 });
    const badType = await answer(sim, postRequest({ code: "demo", ...DATES, cdrTypes: [3] }));
    expect(badType.json).toMatchObject({
      ERROR_NUMBER: 3,
      ERROR_DESCRIPTION: expect.stringContaining("unknown call type") as string,
    });
    expect(
      (await sim.handle(new Request(`${ORIGIN}/hub/cdr/`, { method: "PUT" }), "127.0.0.1")).status,
    ).toBe(405);
    expect((await sim.handle(new Request(`${ORIGIN}/elsewhere`), "127.0.0.1")).status).toBe(404);
  });
});

describe("/hub/cdr faults", () => {
  const body = { code: "demo", search: [DATES], fields: ["CallID", "Duration"] };

  it("answers a rate-limit burst with error 1, then normally", async () => {
    const sim = testSimulator({ faults: { rateLimitBurst: 2 } });
    const numbers = [];
    for (let i = 0; i < 4; i++)
      numbers.push((await answer(sim, postRequest(body))).json.ERROR_NUMBER);
    expect(numbers).toEqual([1, 1, 0, 0]);
    sim.setFaults({ rateLimitBurst: 1 });
    expect((await answer(sim, postRequest(body))).json.ERROR_NUMBER).toBe(1);
  });

  it("answers HTTP 5xx with an HTML page", async () => {
    const sim = testSimulator({ faults: { http5xxRate: 1 } });
    const response = await sim.handle(postRequest(body), "127.0.0.1");
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("<html>");
  });

  it("sends malformed or truncated JSON that no JSON parser accepts", async () => {
    const clean = await (await testSimulator().handle(postRequest(body), "127.0.0.1")).text();
    const malformed = await (
      await testSimulator({ faults: { malformedJsonRate: 1 } }).handle(
        postRequest(body),
        "127.0.0.1",
      )
    ).text();
    const truncated = await (
      await testSimulator({ faults: { truncatedJsonRate: 1 } }).handle(
        postRequest(body),
        "127.0.0.1",
      )
    ).text();
    expect(() => JSON.parse(malformed) as unknown).toThrow();
    expect(() => JSON.parse(truncated) as unknown).toThrow();
    expect(truncated.length).toBeLessThan(clean.length);
    expect(clean.startsWith(truncated)).toBe(true);
  });

  it("draws faults deterministically from the seed", async () => {
    const statuses = async () => {
      const sim = testSimulator({ faults: { http5xxRate: 0.5 } });
      const out: number[] = [];
      for (let i = 0; i < 24; i++)
        out.push((await sim.handle(postRequest(body), "127.0.0.1")).status);
      return out;
    };
    const first = await statuses();
    expect(await statuses()).toEqual(first);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(first.filter((s) => s >= 500).length).toBeGreaterThan(3);
  });

  it("delays answers by latencyMs", async () => {
    const sim = testSimulator({ faults: { latencyMs: 60 } });
    const started = performance.now();
    await sim.handle(postRequest(body), "127.0.0.1");
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
  });

  it("in quirks mode writes keys, numbers and JSON the way public clients report, yet reads back to the same calls", async () => {
    const plain = testSimulator();
    const quirky = testSimulator({ faults: { quirks: true } });
    const full = { code: "demo", search: [DATES] };
    const normal = await answer(plain, postRequest(full));
    const first = await answer(quirky, postRequest(full));
    const second = await answer(quirky, postRequest(full));
    expect(first.read).toEqual(normal.read);
    expect(second.read).toEqual(normal.read);
    expect(normal.read.kind === "ok" && normal.read.calls.length).toBeGreaterThan(10);

    expect([first.json.ERROR_NUMBER, second.json.ERROR_NUMBER]).toEqual(["0", undefined]);
    expect(first.json.TOTAL_HITS).toBe(String(normal.json.TOTAL_HITS));
    const [lower, pascal] = first.json.CDR_LIST as Record<string, unknown>[];
    expect(lower).toHaveProperty("callid");
    expect(lower).toHaveProperty("dialstatus");
    expect(typeof lower?.duration).toBe("string");
    expect(typeof lower?.dtmfdata).toBe("string");
    expect(["1", "0"]).toContain(lower?.recordexpect);
    expect(pascal).toHaveProperty("Targetextension");
    expect(pascal).toHaveProperty("Callerextension");
    expect(typeof pascal?.CustomData).toBe("string");
    expect(readCdrResponse(first.json)).toEqual(readCdrResponse(normal.json));
  });
});
