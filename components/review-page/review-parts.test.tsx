import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { ReviewMark } from "@/lib/api/review";
import en from "@/messages/en/review.json";
import he from "@/messages/he/review.json";

import { CallMarks } from "./call-marks";
import { MarkForm } from "./mark-form";

function render(locale: "en" | "he", node: ReactNode): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      timeZone="Asia/Jerusalem"
      messages={{ review: locale === "he" ? he : en }}
      onError={(error) => {
        throw error;
      }}
    >
      {node}
    </NextIntlClientProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const MARKS: ReviewMark[] = [
  {
    callId: "c1",
    reviewerId: "user:me",
    reviewerLabel: "me@callboard.test",
    mine: true,
    status: "reviewed",
    score: null,
    note: null,
    createdAt: "2024-06-02T09:00:00.000Z",
    updatedAt: "2024-06-02T09:00:00.000Z",
  },
  {
    callId: "c1",
    reviewerId: "user:anna",
    reviewerLabel: "anna@callboard.test",
    mine: false,
    status: "flagged",
    score: 2,
    note: "did not confirm the address",
    createdAt: "2024-06-02T09:30:00.000Z",
    updatedAt: "2024-06-02T09:45:10.000Z",
  },
];

describe("CallMarks", () => {
  it("says who marked the call, when (in the viewer's zone), the score and the note", () => {
    const html = text(render("en", <CallMarks marks={MARKS} timeZone="Asia/Jerusalem" />));
    expect(html).toContain("Reviewed by you on 06/02/2024, 12:00:00");
    expect(html).toContain("Flagged by anna@callboard.test on 06/02/2024, 12:45:10");
    expect(html).toContain("Score 2 of 5");
    expect(html).toContain("did not confirm the address");
  });

  it("in Hebrew too, and says when nobody has marked the call", () => {
    const html = text(render("he", <CallMarks marks={MARKS} timeZone="Asia/Jerusalem" />));
    expect(html).toContain("סומנה לבדיקה על ידי anna@callboard.test ב־02.06.2024, 12:45:10");
    expect(html).toContain("ציון 2 מתוך 5");
    expect(text(render("en", <CallMarks marks={[]} timeZone="UTC" />))).toContain(
      "Nobody has marked this call yet.",
    );
  });
});

describe("MarkForm", () => {
  const save = () => Promise.resolve(undefined);
  it("asks a flag's note and score; one's own mark also its status", () => {
    const flag = render(
      "en",
      <MarkForm
        mode="flag"
        initial={{ status: "reviewed", score: null, note: null }}
        onSave={save}
        onCancel={() => undefined}
      />,
    );
    expect(text(flag)).toContain("Flag this call");
    expect([...flag.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "None",
      "1 of 5",
      "2 of 5",
      "3 of 5",
      "4 of 5",
      "5 of 5",
    ]);
    expect(flag).toMatch(/<label[^>]*for="[^"]+-note"[^>]*>Note<\/label>/);
    expect(flag).not.toContain('value="flagged"');

    const edit = render(
      "he",
      <MarkForm
        mode="edit"
        initial={{ status: "flagged", score: 4, note: "כתובת לא אומתה" }}
        onSave={save}
        onCancel={() => undefined}
      />,
    );
    expect(text(edit)).toContain("הסימון שלי");
    expect(edit).toMatch(/checked="" value="flagged"/);
    expect(edit).toMatch(/aria-label="4 מתוך 5" name="[^"]+" checked=""/);
    expect(edit).toContain("כתובת לא אומתה");
  });
});
