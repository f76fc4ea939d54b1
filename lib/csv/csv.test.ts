import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import { DEFAULT_VISIBLE_COLUMNS } from "@/lib/table/columns";
import { tableTranslator } from "@/testing/translate";

import { callsToCsv, csvField, UTF8_BOM } from "./csv";

const en = { timeZone: "Asia/Jerusalem", locale: "en", t: tableTranslator("en") };
const he = { timeZone: "Asia/Jerusalem", locale: "he", t: tableTranslator("he") };

const call: ApiCall = {
  CallID: "c1",
  Date: "2024-03-29T00:30:00Z",
  Type: "Queue",
  CdrType: 8,
  DialStatus: "ANSWER",
  CallerNumber: "972501234567",
  TargetNumber: "031234567",
  TargetExtension: "EXT101",
  RepresentativeName: "Dana Levi",
  QueueName: "Sales",
  Duration: 245,
  RingTime: 12,
  Price: 1234,
  HasRecording: true,
};

/** A small RFC 4180 reader, to check that what we write reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

function body(csv: string): string[][] {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  return parseCsv(csv.slice(UTF8_BOM.length));
}

describe("callsToCsv", () => {
  it("writes the shown columns in their order, with readable values", () => {
    const rows = body(callsToCsv([call], DEFAULT_VISIBLE_COLUMNS, en));
    expect(rows[0]).toEqual([
      "Date",
      "Type",
      "Status",
      "Caller",
      "Target",
      "Target extension",
      "Agent",
      "Queue",
      "Duration",
      "Ring time",
      "Price (₪)",
      "Recording",
    ]);
    expect(rows[1]).toEqual([
      "2024-03-29 03:30:00",
      "Queue",
      "Answered",
      "050-123-4567",
      "03-123-4567",
      "EXT101",
      "Dana Levi",
      "Sales",
      "0:04:05",
      "0:00:12",
      "12.34",
      "Yes",
    ]);
  });

  it("follows the given order and skips unknown ids", () => {
    const rows = body(callsToCsv([call], ["Price", "nonsense", "CallID"], en));
    expect(rows).toEqual([
      ["Price (₪)", "Call ID"],
      ["12.34", "c1"],
    ]);
  });

  it("writes Hebrew headers and labels under he, and the BOM Excel needs to read them", () => {
    const csv = callsToCsv([call], ["Date", "Type", "DialStatus", "HasRecording"], he);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(body(csv)).toEqual([
      ["תאריך", "סוג", "סטטוס", "הקלטה"],
      ["2024-03-29 03:30:00", "תור", "נענתה", "כן"],
    ]);
  });

  it("writes times in the screen's time zone, either side of a DST switch", () => {
    const calls = [
      { ...call, Date: "2024-03-28T23:30:00Z" },
      { ...call, Date: "2024-03-29T00:30:00Z" },
    ];
    expect(body(callsToCsv(calls, ["Date"], en)).slice(1)).toEqual([
      ["2024-03-29 01:30:00"],
      ["2024-03-29 03:30:00"],
    ]);
    expect(body(callsToCsv(calls, ["Date"], { ...en, timeZone: "UTC" })).slice(1)).toEqual([
      ["2024-03-28 23:30:00"],
      ["2024-03-29 00:30:00"],
    ]);
  });

  it("reads a call's time as the table sorts and the charts count it: DateEpoch when Date is absent", () => {
    const { Date: _date, ...withoutDate } = call;
    const calls = [{ ...withoutDate, DateEpoch: Date.parse("2024-03-29T00:30:00Z") / 1000 }];
    expect(body(callsToCsv(calls, ["Date"], en)).slice(1)).toEqual([["2024-03-29 03:30:00"]]);
  });

  it("quotes commas, quotes and line breaks so they read back intact", () => {
    const tricky = {
      ...call,
      QueueName: 'Sales, "VIP"',
      RepresentativeName: "Dana\nLevi",
      DepartmentName: "R&D\r\nTLV",
    };
    const csv = callsToCsv([tricky], ["QueueName", "RepresentativeName", "DepartmentName"], en);
    expect(csv).toContain('"Sales, ""VIP"""');
    expect(body(csv)[1]).toEqual(['Sales, "VIP"', "Dana\nLevi", "R&D\r\nTLV"]);
  });

  it("defuses text a spreadsheet would run as a formula, but not numbers it wrote itself", () => {
    const evil = {
      ...call,
      RepresentativeName: '=HYPERLINK("http://evil","x")',
      QueueName: "+1+1",
      UserName: "-2",
      DepartmentName: "@SUM(A1)",
      Price: -5,
    };
    const rows = body(
      callsToCsv(
        [evil],
        ["RepresentativeName", "QueueName", "UserName", "DepartmentName", "Price"],
        en,
      ),
    );
    expect(rows[1]).toEqual([
      `'=HYPERLINK("http://evil","x")`,
      "'+1+1",
      "'-2",
      "'@SUM(A1)",
      "-0.05",
    ]);
  });

  it("writes every call given, leaving absent fields empty", () => {
    const calls = Array.from({ length: 2500 }, (_, i) => ({
      CallID: `id${i}`,
      HasRecording: false,
    }));
    const rows = body(callsToCsv(calls, ["CallID", "QueueName", "Duration", "HasRecording"], en));
    expect(rows).toHaveLength(2501);
    expect(rows[2500]).toEqual(["id2499", "", "", "No"]);
  });

  it("summarizes the structured fields", () => {
    const rows = body(
      callsToCsv(
        [
          {
            ...call,
            DTMFData: [{ LayerName: "Main Menu", DTMF: "2", LayerNumber: "0" }],
            CustomData: { OriginalIvrUniqueID: "abc" },
          },
        ],
        ["DTMFData", "CustomData"],
        en,
      ),
    );
    expect(rows[1]).toEqual(["Main Menu 2", "OriginalIvrUniqueID=abc"]);
  });
});

describe("csvField", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvField("Sales")).toBe("Sales");
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(undefined)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("guards a formula lead-in even inside quotes", () => {
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvField("\tcmd")).toBe("'\tcmd");
  });
});
