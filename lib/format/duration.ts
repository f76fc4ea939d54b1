/**
 * Call durations. The upstream counts whole seconds (talk time and ring time separately).
 */

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `0:07`, `4:05`, `1:02:03`: m:ss under an hour, h:mm:ss from an hour on. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "";
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}

/**
 * `0:04:05`: always h:mm:ss. For spreadsheets, which read `4:05` as four hours and five
 * minutes but `0:04:05` as the duration it is.
 */
export function formatClockDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "";
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  return `${h}:${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`;
}
