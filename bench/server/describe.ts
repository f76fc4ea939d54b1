import { count, mb, ms, note, seconds } from "../report";
import type { CallsFetch } from "./results";

/** Shared wording for `/api/calls` figures. */

export function searchFor(range: { from: number; to: number }): string {
  const params = new URLSearchParams({
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
  });
  return params.toString();
}

export function describeRange(range: { from: number; to: number }): string {
  const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z").replace(/:00Z$/, "Z");
  return `${iso(range.from)} → ${iso(range.to)}`;
}

/** "25,012 calls, complete, 9.8 MB JSON" or the error. */
export function describeAnswer(fetch: CallsFetch): string {
  if (fetch.status !== 200) return `HTTP ${fetch.status}: ${fetch.error ?? "error"}`;
  const calls = fetch.total === undefined ? "? calls" : `${count(fetch.total)} calls`;
  const complete = fetch.complete === false ? "INCOMPLETE" : "complete";
  return `${calls}, ${complete}, ${mb(fetch.bytes)} JSON, source "${fetch.source ?? "?"}"`;
}

export const wall = (fetch: CallsFetch): string =>
  fetch.ms >= 1000 ? seconds(fetch.ms) : ms(fetch.ms);

/** Callboard's own count, from the response body (a cache hit repeats the loading request's). */
export const reportedRequests = (fetch: CallsFetch): string =>
  fetch.upstreamRequests === undefined ? "?" : String(fetch.upstreamRequests);

/** The server process's stderr, as notes (the first few distinct lines). */
export function stderrNotes(lines: string[], max = 4): string[] {
  const distinct = [...new Set(lines)].filter((line) => !line.startsWith("(Use `node --trace-"));
  const shown = distinct.slice(0, max).map((line) => note(`server stderr: ${line}`));
  if (distinct.length > max)
    shown.push(note(`server stderr: … ${distinct.length - max} more line(s)`));
  return shown;
}
