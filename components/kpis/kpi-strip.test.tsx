import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import enKpis from "@/messages/en/kpis.json";
import heKpis from "@/messages/he/kpis.json";

import { KpiStrip } from "./kpi-strip";

let id = 0;
const call = (fields: Partial<ApiCall>): ApiCall => ({
  CallID: `s${id++}`,
  HasRecording: false,
  ...fields,
});

const CALLS = [
  call({ DialStatus: "ANSWER", Duration: 187, RingTime: 12, Price: 150 }),
  call({ DialStatus: "ANSWER", Duration: 63, RingTime: 30, Price: 99_950 }),
  call({ DialStatus: "NOANSWER", RingTime: 40 }),
  call({ DialStatus: "ABANDONE", RingTime: 2 }),
  call({ DialStatus: "CHANUNAVAIL" }),
];

function render(locale: "en" | "he", calls: readonly ApiCall[], loading = false): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      timeZone="Asia/Jerusalem"
      messages={{ kpis: locale === "en" ? enKpis : heKpis }}
      onError={(error) => {
        throw error;
      }}
    >
      <KpiStrip calls={calls} shortAbandonSeconds={5} serviceLevelSeconds={20} loading={loading} />
    </NextIntlClientProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("KpiStrip", () => {
  it("shows each KPI under a visible label (en)", () => {
    const html = render("en", CALLS);
    expect(html).toContain("<dl");
    const shown = text(html);
    expect(shown).toContain("Calls 5");
    expect(shown).toContain("Answered 50%"); // 2 of 4 offered: the failed call is not offered
    expect(shown).toContain("Abandoned 25% 1 call, 1 short (rang under 5 s)");
    expect(shown).toContain("Service level 25% answered within 20 s");
    expect(shown).toContain("Avg talk time 2:05");
    expect(shown).toContain("₪1,001.00");
  });

  it("speaks Hebrew", () => {
    const shown = text(render("he", CALLS));
    expect(shown).toContain("נענו 50%");
    expect(shown).toContain("עלות כוללת");
  });

  it("shows dashes, not NaN, for no calls", () => {
    const shown = text(render("en", []));
    expect(shown).not.toContain("NaN");
    expect(shown).toContain("Answered —");
  });

  it("keeps the labels and hides values while loading", () => {
    const html = render("en", CALLS, true);
    expect(html).toContain('aria-busy="true"');
    expect(text(html)).toContain("Service level");
    expect(text(html)).not.toContain("50%");
  });
});
