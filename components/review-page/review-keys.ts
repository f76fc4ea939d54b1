import type { FocusKind, KeyLike } from "@/components/player/player-keys";

/**
 * The review queue's keyboard: J/K next/previous, R reviewed, F flag, Space play/pause.
 * Decided without a DOM so it can be tested. Letters are read from the key's place on the
 * keyboard (`code`), so they work on a Hebrew layout too; never with a modifier, never while
 * typing or choosing in a list, and Space on a button or link activates it as usual.
 */
export type ReviewShortcut = "next" | "previous" | "reviewed" | "flag" | "toggle";

const BY_CODE: Readonly<Record<string, ReviewShortcut>> = {
  KeyJ: "next",
  KeyK: "previous",
  KeyR: "reviewed",
  KeyF: "flag",
};

export function reviewShortcutFor(
  event: KeyLike & { code: string },
  focus: FocusKind,
): ReviewShortcut | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  if (focus === "text" || focus === "select") return undefined;
  if (event.key === " " || event.code === "Space") return focus === "button" ? undefined : "toggle";
  return BY_CODE[event.code] ?? BY_CODE[`Key${event.key.toUpperCase()}`];
}

/** The keys as the page lists them, in the order it lists them. */
export const REVIEW_SHORTCUTS = [
  { keys: ["J"], action: "next" },
  { keys: ["K"], action: "previous" },
  { keys: ["R"], action: "reviewed" },
  { keys: ["F"], action: "flag" },
  { keys: ["space"], action: "toggle" },
] as const satisfies readonly { keys: readonly string[]; action: ReviewShortcut }[];
