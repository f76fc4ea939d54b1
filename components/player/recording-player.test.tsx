import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import en from "@/messages/en/player.json";
import he from "@/messages/he/player.json";

import { RecordingPlayer, type RecordingPlayerProps } from "./recording-player";

function render(locale: "en" | "he", props: RecordingPlayerProps): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      timeZone="Asia/Jerusalem"
      messages={{ player: locale === "he" ? he : en }}
      onError={(error) => {
        throw error;
      }}
    >
      <RecordingPlayer {...props} />
    </NextIntlClientProvider>,
  );
}

const buttonLabels = (html: string) =>
  [...html.matchAll(/<button[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);

describe("RecordingPlayer (first render)", () => {
  it("names every control, and plays the call through Callboard's own route", () => {
    const html = render("en", { callId: "abc.123", onNext: () => undefined });
    expect(buttonLabels(html)).toEqual([
      "Previous recording",
      "Back 10 seconds",
      "Play",
      "Forward 10 seconds",
      "Next recording",
    ]);
    expect(html).toContain('aria-label="Playback speed"');
    expect(html).toContain('aria-label="Download"');
    expect(html).toContain('aria-label="Position in the recording"');
    expect(html).toMatch(
      /<audio[^>]*src="\/api\/recordings\/abc\.123"[^>]*data-testid="recording-audio"/,
    );
    expect(html).toContain('href="/api/recordings/abc.123?download=1"');
    expect(html).not.toMatch(/<audio[^>]*controls/);
  });

  it("offers previous/next only when there is somewhere to go", () => {
    const html = render("en", { callId: "x", onNext: () => undefined });
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*aria-label="Previous recording"/);
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*aria-label="Next recording"/);
  });

  it("speaks Hebrew, with the timeline and transport kept left to right", () => {
    const html = render("he", { callId: "x" });
    expect(buttonLabels(html)).toEqual([
      "ההקלטה הקודמת",
      "10 שניות אחורה",
      "הפעלה",
      "10 שניות קדימה",
      "ההקלטה הבאה",
    ]);
    expect(html).toContain('aria-label="מהירות ניגון"');
    expect(html.match(/dir="ltr"/g)).toHaveLength(2);
  });

  it("has the same message keys in both languages", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" && v !== null
          ? keys(v as object, `${prefix}${k}.`)
          : [`${prefix}${k}`],
      );
    expect(keys(he).sort()).toEqual(keys(en).sort());
  });
});
