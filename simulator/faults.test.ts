import { describe, expect, it } from "vitest";

import { answer, postRequest, testSimulator } from "./test-helpers";

/** The switches for a partial load and a refused range (the others: cdr-route.test.ts). */

const body = {
  code: "demo",
  search: [{ fromdate: "2024-06-10T06:00:00", todate: "2024-06-10T07:00:00" }],
  fields: ["CallID"],
};

describe("/hub/cdr: failAfterRequests", () => {
  it("answers the first N requests, then HTTP 503 for every later one", async () => {
    const sim = testSimulator({ faults: { failAfterRequests: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await sim.handle(postRequest(body), "127.0.0.1")).status);
    expect(statuses).toEqual([200, 200, 503, 503, 503]);
  });

  it("counts from when it is switched on", async () => {
    const sim = testSimulator();
    for (let i = 0; i < 3; i++) await sim.handle(postRequest(body), "127.0.0.1");
    sim.setFaults({ failAfterRequests: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await sim.handle(postRequest(body), "127.0.0.1")).status);
    expect(statuses).toEqual([200, 503, 503]);
    sim.setFaults({ failAfterRequests: 0 });
    expect((await sim.handle(postRequest(body), "127.0.0.1")).status).toBe(200);
  });
});

describe("/hub/cdr: historyDays", () => {
  it("refuses a range that starts before the account's history with error 5", async () => {
    // The test clock is 2024-06-20; the range starts on 2024-06-10.
    const sim = testSimulator({ faults: { historyDays: 7 } });
    expect((await answer(sim, postRequest(body))).json).toMatchObject({
      ERROR_NUMBER: 5,
      ERROR_DESCRIPTION: "Out of range",
    });
    sim.setFaults({ historyDays: 30 });
    expect((await answer(sim, postRequest(body))).json.ERROR_NUMBER).toBe(0);
  });
});
