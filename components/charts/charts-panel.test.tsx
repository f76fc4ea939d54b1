import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import enCharts from "@/messages/en/charts.json";
import heCharts from "@/messages/he/charts.json";

import { ChartsPanel } from "./charts-panel";

let id = 0;
const call = (fields: Partial<ApiCall>): ApiCall => ({
  CallID: `c${id++}`,
  HasRecording: false,
  ...fields,
});

const CALLS = [
  call({ Date: "2026-10-24T22:30:00Z", DialStatus: "ANSWER", Duration: 45 }),
  call({ Date: "2026-10-24T23:30:00Z", DialStatus: "ANSWER", Duration: 400 }),
  call({ Date: "2026-10-25T08:00:00Z", DialStatus: "TIMEOUT" }),
  call({ Date: "2026-10-25T09:00:00Z", DialStatus: "WEIRD" }),
  call({ Date: "2026-10-25T09:30:00Z", DialStatus: "ANSWER" }),
];
// 25 Oct 2026 in Israel: the 25-hour fall-back day.
const RANGE = { from: Date.UTC(2026, 9, 24, 21), to: Date.UTC(2026, 9, 25, 22) };

function render(locale: "en" | "he", timeZone = "Asia/Jerusalem"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      timeZone="Asia/Jerusalem"
      messages={{ charts: locale === "en" ? enCharts : heCharts }}
      onError={(error) => {
        throw error;
      }}
    >
      <ChartsPanel
        calls={CALLS}
        timeZone={timeZone}
        range={RANGE}
        onStatusClick={() => undefined}
      />
    </NextIntlClientProvider>,
  );
}

describe("ChartsPanel", () => {
  it("titles the charts and offers a button per known status (en)", () => {
    const html = render("en");
    expect(html).toContain("Calls per hour");
    expect(html).toContain("Times in Asia/Jerusalem");
    expect(html).toContain("Calls by status");
    expect(html).toContain('aria-label="Show only Answered calls (3)"');
    expect(html).toContain('aria-label="Show only Queue timeout calls (1)"');
    // An unknown status is listed but cannot filter the table.
    expect(html).toContain("WEIRD (unknown)");
    expect(html).not.toContain("Show only WEIRD");
    expect(html).toContain("Talk time of answered calls");
    expect(html).toContain("1 answered call without talk time not shown");
  });

  it("speaks Hebrew", () => {
    const html = render("he");
    expect(html).toContain("שיחות לפי שעה");
    expect(html).toContain("הצגת שיחות בסטטוס נענתה בלבד (3)");
  });

  it("falls back to UTC for an unknown zone instead of failing", () => {
    expect(render("en", "Not/AZone")).toContain("Times in UTC");
  });
});
