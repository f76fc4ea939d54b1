import { describe, expect, it } from "vitest";

import { savedViewUrl, viewNameProblem } from "./view-url";

describe("what a saved view keeps", () => {
  it("a dashboard page and its query, without the open call or a zone; the sort stays", () => {
    expect(savedViewUrl("/calls?range=today&call=1700000000.1&tz=UTC&sort=Duration.desc")).toEqual({
      ok: true,
      value: "/calls?range=today&sort=Duration.desc",
    });
    expect(savedViewUrl("/agents")).toEqual({ ok: true, value: "/agents" });
    expect(savedViewUrl("/queues?call=x")).toEqual({ ok: true, value: "/queues" });
    // the review queue's position and the worklist's open row are where one is, not the view
    expect(savedViewUrl("/review?unreviewed=true&call=c9")).toEqual({
      ok: true,
      value: "/review?unreviewed=true",
    });
    expect(savedViewUrl("/callbacks?worklist=all&callback=0501234567%7Cc1")).toEqual({
      ok: true,
      value: "/callbacks?worklist=all",
    });
    // a fragment is not part of the view
    expect(savedViewUrl("/calls?queue=3#top")).toEqual({ ok: true, value: "/calls?queue=3" });
  });

  it.each([
    "https://elsewhere.example/calls",
    "//elsewhere.example/calls",
    "calls?range=today",
    "/admin/users",
    "/api/calls?range=today",
    "/calls/../admin/users",
    "/",
    `/calls?x=${"a".repeat(4000)}`,
  ])("refuses %s with what it must be", (url) => {
    const result = savedViewUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^must be a dashboard page \(\/calls, \/agents/);
  });
});

describe("a view's name", () => {
  it("is 1–80 characters of text once trimmed", () => {
    expect(viewNameProblem("  Missed today ")).toBeNull();
    expect(viewNameProblem("שיחות שלא נענו")).toBeNull();
    expect(viewNameProblem("   ")).toBe("must not be empty");
    expect(viewNameProblem("x".repeat(81))).toBe("must be at most 80 characters");
    expect(viewNameProblem("a\u0000b")).toBe("must not contain control characters");
    expect(viewNameProblem("tab\there")).toBe("must not contain control characters");
    expect(viewNameProblem("half \ud800")).toBe("must be text (it holds half of a character)");
  });
});
