import { describe, expect, it } from "vitest";

import { clampTime, formatTime, shortcutFor, type FocusKind } from "./player-keys";

const key = (
  k: string,
  mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {},
) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe("the player's keyboard shortcuts", () => {
  it.each<[string, FocusKind, string | undefined]>([
    [" ", "other", "toggle"],
    [" ", "range", "toggle"],
    [" ", "button", undefined],
    ["ArrowLeft", "other", "back"],
    ["ArrowRight", "range", "forward"],
    ["ArrowLeft", "button", "back"],
    ["ArrowLeft", "text", undefined],
    [" ", "text", undefined],
    ["ArrowRight", "select", undefined],
    ["k", "other", undefined],
  ])("%j with focus on %s → %s", (k, focus, expected) => {
    expect(shortcutFor(key(k), focus)).toBe(expected);
  });

  it("leaves modified keys to the browser and assistive technology", () => {
    expect(shortcutFor(key("ArrowLeft", { altKey: true }), "other")).toBeUndefined();
    expect(shortcutFor(key(" ", { ctrlKey: true }), "other")).toBeUndefined();
    expect(shortcutFor(key("ArrowRight", { shiftKey: true }), "range")).toBeUndefined();
  });
});

describe("formatTime and clampTime", () => {
  it.each([
    [0, "0:00"],
    [9.9, "0:09"],
    [65, "1:05"],
    [3600 + 62, "1:01:02"],
    [Number.NaN, "--:--"],
    [Number.POSITIVE_INFINITY, "--:--"],
  ])("%d s → %s", (seconds, text) => {
    expect(formatTime(seconds)).toBe(text);
  });

  it("keeps a skip inside the recording", () => {
    expect(clampTime(-4, 30)).toBe(0);
    expect(clampTime(35, 30)).toBe(30);
    expect(clampTime(35, Number.NaN)).toBe(35);
  });
});
