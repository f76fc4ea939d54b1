import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { Conversation } from "@/lib/conversations/conversation";
import { groupConversations } from "@/lib/conversations/group";
import enKpis from "@/messages/en/kpis.json";
import heKpis from "@/messages/he/kpis.json";
import { record } from "@/testing/conversation-records";

import { KpiStrip } from "./kpi-strip";

/**
 * A day counted by hand: 5 inbound conversations (2 answered, one of them through a
 * transfer; 1 missed; 1 abandoned after 30 s; 1 short abandon), one failed inbound, and an
 * outbound click2call (two records, one attempt) that connected.
 */
const DAY = groupConversations([
  record({
    CallID: "i1",
    CdrType: 8,
    when: "00:00",
    RingTime: 12,
    Duration: 187,
    Price: 150,
    HasRecording: true,
  }),
  record({ CallID: "i2", CdrType: 8, when: "01:00", RingTime: 30, Duration: 60, Price: 50 }),
  record({ CallID: "i2t", CdrType: 13, when: "02:00", original: "i2", Duration: 40, Price: 10 }),
  record({ CallID: "i3", CdrType: 8, when: "03:00", DialStatus: "NOANSWER", RingTime: 40 }),
  record({ CallID: "i4", CdrType: 8, when: "04:00", DialStatus: "ABANDONE", RingTime: 30 }),
  record({ CallID: "i5", CdrType: 8, when: "05:00", DialStatus: "ABANDONE", RingTime: 2 }),
  record({ CallID: "i6", CdrType: 8, when: "06:00", DialStatus: "CHANUNAVAIL" }),
  record({ CallID: "o1", CdrType: 9, when: "07:00", RingTime: 3, Duration: 95, Price: 20 }),
  record({
    CallID: "o1b",
    CdrType: 10,
    when: "07:00",
    original: "o1",
    RingTime: 8,
    Duration: 90,
    Price: 30,
    HasRecording: true,
  }),
]);
/** The day before: fewer offered, everything answered quicker. */
const BEFORE = groupConversations([
  record({ CallID: "p1", CdrType: 8, when: "00:00", RingTime: 4, Duration: 100, Price: 100 }),
  record({ CallID: "p2", CdrType: 8, when: "01:00", DialStatus: "NOANSWER", RingTime: 40 }),
]);

function render(
  locale: "en" | "he",
  conversations: readonly Conversation[] | null,
  previous?: readonly Conversation[] | null,
): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      timeZone="Asia/Jerusalem"
      messages={{ kpis: locale === "en" ? enKpis : heKpis }}
      onError={(error) => {
        throw error;
      }}
    >
      <KpiStrip
        conversations={conversations}
        previous={previous}
        options={{ shortAbandonSeconds: 5, serviceLevelSeconds: 20 }}
        now={Date.UTC(2026, 2, 2)}
      />
    </NextIntlClientProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
/** The visible text of one tile (its dt, values and caption). */
const tile = (html: string, key: string) => {
  const start = html.indexOf(`data-kpi="${key}"`);
  expect(start, key).toBeGreaterThan(-1);
  return text(html.slice(start, html.indexOf("</div>", start))).trim();
};

describe("KpiStrip", () => {
  it("splits the conversations by direction, each tile saying what it counts", () => {
    const html = render("en", DAY);
    expect(text(html)).toContain("Inbound conversations");
    expect(text(html)).toContain("Outbound conversations");
    expect(tile(html, "offered")).toContain(
      "Offered 5 inbound conversations; 1 failed, not offered",
    );
    expect(tile(html, "answeredRate")).toContain("Answered 40% 2 of 5 offered");
    expect(tile(html, "abandonedRate")).toContain("Abandoned 20% 1 hung up waiting 5 s or more");
    expect(tile(html, "shortAbandoned")).toContain(
      "Short abandons 1 hung up within 5 s · 20% of offered",
    );
    expect(tile(html, "missed")).toContain("Missed 1 20% of offered");
    expect(tile(html, "serviceLevel")).toContain("Service level 20%"); // 12 s ≤ 20; 30 s is not
    expect(tile(html, "asa")).toContain("21 sec"); // (12 + 30) / 2
    expect(tile(html, "inboundAvgTalk")).toContain("2:24"); // (187 + 60 + 40) / 2 = 143.5
    expect(tile(html, "attempts")).toContain("Attempts 1"); // the click2call's two records: one
    expect(tile(html, "connectedRate")).toContain("Connected 100% 1 of 1 attempts");
    expect(tile(html, "outboundAvgTalk")).toContain("1:30"); // leg 2's talk, not the agent's leg
    expect(tile(html, "cost")).toContain("₪2.60"); // 150 + 50 + 10 + 20 + 30 agorot
    expect(tile(html, "recorded")).toContain("Recorded 2 66.7% of answered and connected");
  });

  it("describes each tile in its tooltip", () => {
    const html = render("en", DAY);
    expect(html).toMatch(/data-kpi="offered"[^>]*|title="Inbound conversations a customer started/);
    expect(html).toContain('title="Outbound conversations the customer answered');
  });

  it("shows each change and the earlier value, coloured by whether up is good", () => {
    const html = render("en", DAY, BEFORE);
    // Offered 5 vs 2: up, neither good nor bad.
    expect(tile(html, "offered")).toContain("▲ +3 · was 2");
    expect(html).toMatch(/data-trend="up" data-tone="neutral"/);
    // Answered 40% vs 50%: down 10 points, bad.
    expect(tile(html, "answeredRate")).toContain("▼ −10 pts · was 50%");
    // ASA 21 s vs 4 s: up, bad; cost ₪2.60 vs ₪1.00: up, bad.
    expect(tile(html, "asa")).toContain("▲ +17 sec · was 4 sec");
    expect(tile(html, "asa")).toContain("up +17 sec from 4 sec in the previous period");
    // No outbound call before: the change cannot be said, the earlier value is a dash.
    expect(tile(html, "connectedRate")).toContain("previous period: —");
  });

  it("says the previous period is loading", () => {
    expect(text(render("en", DAY, null))).toContain("Loading the previous period…");
  });

  it("shows skeletons, not NaN, while grouping and for no conversations", () => {
    const loading = render("en", null);
    expect(loading).toContain('aria-busy="true"');
    expect(text(loading)).toContain("Service level");
    const empty = text(render("en", []));
    expect(empty).not.toContain("NaN");
    expect(empty).toContain("Answered —");
  });

  it("speaks Hebrew", () => {
    const shown = text(render("he", DAY));
    expect(shown).toContain("נענו 40%");
    expect(shown).toContain("שיחות נכנסות");
  });
});
