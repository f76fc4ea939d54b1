import { describe, expect, it } from "vitest";

import { unreadParams } from "./unread-params";

const unread = (query: string) => unreadParams(new URLSearchParams(query));

describe("the link's values the dashboard could not read", () => {
  it("names each parameter with its value as written", () => {
    expect(unread("range=last7&minDur=abc&rows=legs&heat=hot&when=9-1")).toEqual([
      { name: "range", value: "last7" },
      { name: "minDur", value: "abc" },
      { name: "when", value: "9-1" },
      { name: "rows", value: "legs" },
      { name: "heat", value: "hot" },
    ]);
  });

  it("a list with one item it cannot read is unread, though nuqs keeps the rest", () => {
    expect(unread("status=ANSWER,BUSSY")).toEqual([{ name: "status", value: "ANSWER,BUSSY" }]);
    // an item after a space is not a status name either
    expect(unread("status=ANSWER, BUSY")).toEqual([{ name: "status", value: "ANSWER, BUSY" }]);
    expect(unread("type=1,x")).toEqual([{ name: "type", value: "1,x" }]);
    expect(unread("status=ANSWER,BUSY&type=1,8&phone=0501234567,035551234")).toEqual([]);
  });

  it("a switch is true or false, not anything else", () => {
    expect(unread("compare=yes")).toEqual([{ name: "compare", value: "yes" }]);
    expect(unread("compare=true&unreviewed=FALSE")).toEqual([]);
  });

  it("a sort of unknown shape is unread; a well-formed one is left to the page", () => {
    expect(unread("sort=Duration.down")).toEqual([{ name: "sort", value: "Duration.down" }]);
    expect(unread("sort=Duration.desc,Date")).toEqual([]);
  });

  it("leaves alone what is empty, what reads, and parameters that are not the dashboard's", () => {
    expect(unread("")).toEqual([]);
    expect(unread("range=&utm_source=mail&from=whenever&range2=x")).toEqual([]);
    expect(unread("range=yesterday&abandonS=5&slaS=30&when=2-14&call=abc")).toEqual([]);
  });
});
