import { wallTimeAt } from "@/lib/time/time-zone";

/** `callboard-calls-2026-11-17-2026-11-24.csv`: the range's local days. */
export function exportFilename(
  range: { from: number; to: number } | null,
  timeZone: string,
): string {
  if (!range) return "callboard-calls.csv";
  const day = (ms: number) => {
    const w = wallTimeAt(ms, timeZone);
    return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
  };
  const [from, to] = [day(range.from), day(range.to - 1)];
  return from === to ? `callboard-calls-${from}.csv` : `callboard-calls-${from}-${to}.csv`;
}
