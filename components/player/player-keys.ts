/** Keyboard shortcuts of the recording player, decided without a DOM so they can be tested. */

export type PlayerShortcut = "toggle" | "back" | "forward";

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** What the focused element is, as far as typing is concerned. */
export type FocusKind = "text" | "select" | "range" | "button" | "other";

/**
 * The shortcut a key press means, or undefined to leave it alone: never while typing or
 * choosing in a list, never with a modifier (browser and screen-reader shortcuts), and
 * Space on a button or link activates that control as usual. The arrows always mean
 * back/forward in time, in both writing directions: the timeline is laid out left to right.
 */
export function shortcutFor(event: KeyLike, focus: FocusKind): PlayerShortcut | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  if (focus === "text" || focus === "select") return undefined;
  if (event.key === " " || event.key === "Spacebar")
    return focus === "button" ? undefined : "toggle";
  if (event.key === "ArrowLeft") return "back";
  if (event.key === "ArrowRight") return "forward";
  return undefined;
}

/** Inputs one presses or ticks rather than types into: letters are free, Space is theirs. */
const CONTROL_INPUTS = new Set(["button", "checkbox", "radio", "submit", "reset"]);

export function focusKindOf(target: EventTarget | null): FocusKind {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return "other";
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return "text";
  if (target instanceof HTMLSelectElement) return "select";
  if (target instanceof HTMLInputElement)
    return target.type === "range" ? "range" : CONTROL_INPUTS.has(target.type) ? "button" : "text";
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return "button";
  return "other";
}

/** m:ss, or h:mm:ss from an hour on; "--:--" while the length is unknown. */
export function formatTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--";
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 2] as const;
export const SKIP_SECONDS = 10;

/** A position clamped into the recording (only from below while its length is unknown). */
export function clampTime(seconds: number, duration: number): number {
  const upper = Number.isFinite(duration) && duration > 0 ? duration : Number.POSITIVE_INFINITY;
  return Math.min(Math.max(0, seconds), upper);
}
