import { describe, expect, it } from "vitest";

import { COLUMN_IDS } from "@/lib/table/columns";
import { CALL_TYPE_IDS } from "@/lib/voicenter/call-types";
import { DIAL_STATUS_NAMES, DIAL_STATUSES } from "@/lib/voicenter/dial-statuses";
import { FIELD_NAMES } from "@/lib/voicenter/fields";
import en from "@/messages/en/table.json";
import he from "@/messages/he/table.json";

type Messages = Record<string, Record<string, string> | string>;

function section(messages: Messages, name: string): Record<string, string> {
  const value = messages[name];
  return typeof value === "object" ? value : {};
}

const HEBREW = /[\u0590-\u05FF]/;

describe.each([
  ["en", en as Messages],
  ["he", he as Messages],
])("table messages (%s)", (locale, messages) => {
  it("name and explain every contract field and every column", () => {
    for (const id of new Set<string>([...FIELD_NAMES, ...COLUMN_IDS])) {
      expect(section(messages, "columns")[id], `columns.${id}`).toBeTruthy();
      expect(section(messages, "meanings")[id], `meanings.${id}`).toBeTruthy();
    }
  });

  it("label every call type and every dial status, and every outcome", () => {
    for (const id of CALL_TYPE_IDS)
      expect(section(messages, "types")[String(id)], `types.${id}`).toBeTruthy();
    for (const status of DIAL_STATUS_NAMES) {
      expect(section(messages, "statuses")[status], `statuses.${status}`).toBeTruthy();
    }
    for (const outcome of new Set(Object.values(DIAL_STATUSES).map((s) => s.outcome))) {
      expect(section(messages, "outcomes")[outcome], `outcomes.${outcome}`).toBeTruthy();
    }
  });

  it("have the same keys in both languages", () => {
    const other = (locale === "en" ? he : en) as Messages;
    for (const [name, value] of Object.entries(messages)) {
      if (typeof value === "string") continue;
      expect(Object.keys(value).sort(), name).toEqual(Object.keys(section(other, name)).sort());
    }
  });

  if (locale === "he") {
    it("are written in Hebrew", () => {
      for (const name of ["columns", "statuses", "outcomes", "toolbar"]) {
        const texts = Object.values(section(messages, name));
        const hebrew = texts.filter((text) => HEBREW.test(text));
        // Product names (Click2Call, IVR) may stay Latin; the labels around them may not.
        expect(hebrew.length / texts.length, name).toBeGreaterThan(0.85);
      }
    });
  }
});
