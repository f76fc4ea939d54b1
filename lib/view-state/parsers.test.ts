import { createSerializer } from "nuqs";
import { describe, expect, it } from "vitest";

import { CLEARED_FILTERS, PAGE_OWN_PARAMS, viewParsers } from "./parsers";

describe("the dashboard's URL parameters", () => {
  it("when: a weekday (Sunday 0) and an hour, or nothing for what is not one", () => {
    const { when } = viewParsers;
    expect(when.parse("2-14")).toEqual({ weekday: 2, hour: 14 });
    expect(when.parse("0-0")).toEqual({ weekday: 0, hour: 0 });
    for (const bad of ["7-1", "2-24", "2", "tue-14", "-1-3"]) expect(when.parse(bad)).toBeNull();
    expect(when.serialize({ weekday: 6, hour: 23 })).toBe("6-23");
  });

  it("rows, compare and heat default to conversations, off and volume, and leave the URL clean", () => {
    const write = createSerializer(viewParsers);
    expect(viewParsers.rows.parse("records")).toBe("records");
    expect(viewParsers.rows.parse("legs")).toBeNull();
    expect(write({ rows: "conversations", compare: false, heat: "volume" })).toBe("");
    expect(write({ rows: "records", compare: true, heat: "missed", agent: "code:7" })).toBe(
      "?agent=code:7&rows=records&compare=true&heat=missed",
    );
  });

  it("Reset clears the drill-downs with the other filters; sort and the open call are a page's own", () => {
    for (const name of ["agent", "queueName", "when", "status", "phone", "call"])
      expect(CLEARED_FILTERS).toHaveProperty(name, null);
    expect(CLEARED_FILTERS).not.toHaveProperty("rows");
    expect([...PAGE_OWN_PARAMS]).toEqual(["sort", "call", "unreviewed", "callback", "worklist"]);
  });
});
