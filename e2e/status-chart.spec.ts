import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { callCount } from "./helpers";

// A week of the demo call center has every one of the 18 dial statuses among its records
// (a status some leg only ever has, NOTCALLED, decides no conversation: every record, then).
const WEEK = "/calls?range=last7Days&cols=Date,DialStatus&rows=records";

interface Box {
  text: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The status chart's category labels as drawn (each a <text>, maybe of several lines), with their boxes. */
function statusLabels(page: Page): Promise<{ labels: Box[]; plot: Box }> {
  const chart = page.getByRole("region", { name: /Calls by status|שיחות לפי סטטוס/ });
  return chart.evaluate((section) => {
    const box = (el: Element, text = "") => {
      const r = el.getBoundingClientRect();
      return { text, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const svg = section.querySelector("svg.recharts-surface");
    const ticks = [...section.querySelectorAll(".recharts-yAxis-tick-labels text")];
    return {
      labels: ticks.map((t) => box(t, t.textContent ?? "")).filter((b) => b.bottom > b.top),
      plot: box(svg ?? section),
    };
  });
}

for (const locale of ["en", "he"] as const) {
  for (const [device, viewport] of [
    ["desktop", { width: 1440, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    test.describe(`the status chart in ${locale}, ${device}`, () => {
      test.use({ viewport, locale: locale === "he" ? "he-IL" : "en-US" });

      test("shows every status label whole, none running into another", async ({ page }) => {
        await page.goto(WEEK);
        await callCount(page);
        await expect
          .poll(async () => (await statusLabels(page)).labels.length, { timeout: 30_000 })
          .toBe(18);
        const { labels, plot } = await statusLabels(page);
        for (const label of labels) {
          expect(label.text.trim(), "a label is drawn").not.toBe("");
          expect(label.left, `${label.text} starts inside the chart`).toBeGreaterThanOrEqual(
            plot.left - 1,
          );
          expect(label.right, `${label.text} ends inside the chart`).toBeLessThanOrEqual(
            plot.right + 1,
          );
        }
        const byTop = [...labels].sort((a, b) => a.top - b.top);
        const overlapping = byTop.slice(1).flatMap((below, i) => {
          const above = byTop[i] as Box;
          return below.top < above.bottom - 0.5 ? [`${above.text} / ${below.text}`] : [];
        });
        expect(overlapping, "labels that run into the next one").toEqual([]);
      });
    });
  }
}
