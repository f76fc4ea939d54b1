import { describe, expect, it } from "vitest";

import { auditToCsv } from "./csv";
import { auditFilterParams, parseAuditQuery } from "./filters";

const ZONE = "Asia/Jerusalem";
const parse = (query: string) => parseAuditQuery(new URLSearchParams(query), ZONE);

describe("parseAuditQuery", () => {
  it("reads every filter, with defaults for the page", () => {
    expect(
      parse("user=maya&action=recording.play,calls.export&action=recording.play&callId=1234.56"),
    ).toEqual({
      ok: true,
      query: {
        user: "maya",
        actions: ["recording.play", "calls.export"],
        callId: "1234.56",
        page: 1,
        pageSize: 50,
      },
    });
  });

  it("reads a date as the whole day in the display zone, through a DST change", () => {
    const winter = parse("from=2026-01-15&to=2026-01-15");
    expect(winter.ok && winter.query.from?.toISOString()).toBe("2026-01-14T22:00:00.000Z");
    expect(winter.ok && winter.query.to?.toISOString()).toBe("2026-01-15T21:59:59.999Z");
    // Israel moves to summer time on 2026-03-27: that day ends at 21:00 UTC
    const spring = parse("to=2026-03-27");
    expect(spring.ok && spring.query.to?.toISOString()).toBe("2026-03-27T20:59:59.999Z");
    const instant = parse("from=2026-03-01T08:00:00%2B02:00");
    expect(instant.ok && instant.query.from?.toISOString()).toBe("2026-03-01T06:00:00.000Z");
  });

  it.each([
    ["action=sign-in,delete-everything", "action", /must be one of sign-in, sign-in.failed/],
    ["from=yesterday", "from", /must be a date \(2026-03-01\) or an instant with an offset/],
    ["from=2026-02-30", "from", /must be a date/],
    ["to=2026-03-01T08:00:00", "to", /an instant with an offset/],
    ["from=2026-03-02&to=2026-03-01", "to", /must not be before from/],
    ["page=0", "page", /whole number from 1/],
    ["pageSize=501", "pageSize", /from 1 to 500/],
    [`user=${"x".repeat(201)}`, "user", /at most 200/],
    ["callId=a%20b", "callId", /visible characters without spaces/],
  ])("names what is wrong with %s", (query, param, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.param).toBe(param);
    expect(result.message).toMatch(message);
  });

  it("writes the filters back for links", () => {
    const result = parse("user=eli&action=sign-in&from=2026-01-15");
    if (!result.ok) throw new Error(result.message);
    expect(auditFilterParams(result.query).toString()).toBe(
      "user=eli&action=sign-in&from=2026-01-14T22%3A00%3A00.000Z",
    );
  });
});

describe("auditToCsv", () => {
  it("writes one row per entry, defusing formulas, with the details as JSON", () => {
    const csv = auditToCsv([
      {
        id: 7,
        at: new Date("2026-03-01T08:00:00Z"),
        actorKind: "user",
        actorId: "u1",
        actorLabel: '=HYPERLINK("x")',
        action: "calls.export",
        target: null,
        details: { rows: 3, filters: { queue: "1,2" } },
        ip: "10.0.0.1",
        userAgent: null,
      },
    ]);
    const [header, row] = csv.slice(1).trimEnd().split("\r\n");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(header).toBe("id,at,actor_kind,actor_id,actor,action,target,details,ip,user_agent");
    expect(row).toBe(
      `7,2026-03-01T08:00:00.000Z,user,u1,"'=HYPERLINK(""x"")",calls.export,,"{""rows"":3,""filters"":{""queue"":""1,2""}}",10.0.0.1,`,
    );
  });
});
