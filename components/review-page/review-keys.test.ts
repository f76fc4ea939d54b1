import { describe, expect, it } from "vitest";

import { reviewShortcutFor } from "./review-keys";

const press = (code: string, key: string, extra: Partial<Record<string, boolean>> = {}) => ({
  code,
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...extra,
});

describe("reviewShortcutFor", () => {
  it("reads J, K, R, F and Space", () => {
    expect(reviewShortcutFor(press("KeyJ", "j"), "other")).toBe("next");
    expect(reviewShortcutFor(press("KeyK", "k"), "other")).toBe("previous");
    expect(reviewShortcutFor(press("KeyR", "r"), "button")).toBe("reviewed");
    expect(reviewShortcutFor(press("KeyF", "f"), "range")).toBe("flag");
    expect(reviewShortcutFor(press("Space", " "), "other")).toBe("toggle");
  });

  it("reads the key's place on a Hebrew layout (J types ח)", () => {
    expect(reviewShortcutFor(press("KeyJ", "ח"), "other")).toBe("next");
    expect(reviewShortcutFor(press("KeyR", "ר"), "other")).toBe("reviewed");
  });

  it("does nothing while typing or choosing in a list", () => {
    for (const focus of ["text", "select"] as const) {
      expect(reviewShortcutFor(press("KeyR", "r"), focus)).toBeUndefined();
      expect(reviewShortcutFor(press("Space", " "), focus)).toBeUndefined();
    }
  });

  it("leaves Space to a focused button and every key with a modifier to the browser", () => {
    expect(reviewShortcutFor(press("Space", " "), "button")).toBeUndefined();
    expect(reviewShortcutFor(press("KeyR", "r", { ctrlKey: true }), "other")).toBeUndefined();
    expect(reviewShortcutFor(press("KeyJ", "J", { shiftKey: true }), "other")).toBeUndefined();
    expect(reviewShortcutFor(press("KeyX", "x"), "other")).toBeUndefined();
  });
});
