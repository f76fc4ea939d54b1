import { describe, expect, it } from "vitest";

import { DASHBOARD_PAGES, dashboardHref } from "./dashboard-pages";

describe("dashboardHref", () => {
  it("keeps the filters and thresholds, leaves the page's own sort and open call", () => {
    const current =
      "from=2026-11-03T00%3A00%3A00%2B02%3A00&to=x&type=8&status=ANSWER&slaS=30&sort=Duration.desc&call=abc&cols=Date,Type&compare=true";
    const href = dashboardHref("/agents", current);
    const params = new URLSearchParams(href.split("?")[1]);
    expect(href.startsWith("/agents?")).toBe(true);
    expect(params.get("from")).toBe("2026-11-03T00:00:00+02:00");
    expect(params.get("type")).toBe("8");
    expect(params.get("status")).toBe("ANSWER");
    expect(params.get("slaS")).toBe("30");
    expect(params.get("cols")).toBe("Date,Type");
    expect(params.get("compare")).toBe("true");
    expect(params.has("sort")).toBe(false);
    expect(params.has("call")).toBe(false);
  });

  it("adds a drill-down's filter and removes what it clears", () => {
    expect(
      dashboardHref("/calls", "queueName=Sales&sort=offered", { agent: "code:7", queueName: null }),
    ).toBe("/calls?agent=code%3A7");
  });

  it("is the bare path without parameters", () => {
    expect(dashboardHref("/queues", "sort=offered.desc")).toBe("/queues");
  });

  it("lists calls, agents, queues, the review queue and callbacks", () => {
    expect(DASHBOARD_PAGES.map((p) => p.path)).toEqual([
      "/calls",
      "/agents",
      "/queues",
      "/review",
      "/callbacks",
    ]);
  });

  it("leaves the worklist's selected row and state filter behind", () => {
    expect(
      dashboardHref("/calls", "callback=0501%7Ca&worklist=done&range=today", { phone: "0501" }),
    ).toBe("/calls?range=today&phone=0501");
  });
});
