import { DASHBOARD_PAGES } from "@/lib/navigation/dashboard-pages";
import type { ParseResult } from "@/lib/parse-result";
import type { ViewValues } from "@/lib/view-state/parsers";

/**
 * What a saved view keeps: a dashboard page's path and its query. Of the page's own
 * parameters (PAGE_OWN_PARAMS), the sort stays (a view is of one page) but the open call (the
 * review queue's position) and the worklist's open row go, and so does `tz`: a view, like a link, shows the same instants in each viewer's own
 * zone. Pure: the save form and the API normalize alike.
 */
export const SAVED_VIEW_DROPS = [
  "call",
  "callback",
  "tz",
] as const satisfies readonly (keyof ViewValues)[];

export const VIEW_URL_MAX_LENGTH = 4000;

const DROPS = new Set<string>(SAVED_VIEW_DROPS);
const PATHS = new Set<string>(DASHBOARD_PAGES.map((page) => page.path));

/** `/calls?range=today&call=x&tz=UTC` → `/calls?range=today`; anything but a dashboard page fails. */
export function savedViewUrl(url: string): ParseResult<string> {
  const expected = `must be a dashboard page (${[...PATHS].join(", ")}) and its query, e.g. /calls?range=today`;
  if (!url.startsWith("/") || url.startsWith("//") || url.length > VIEW_URL_MAX_LENGTH) {
    return { ok: false, message: expected };
  }
  let parsed: URL;
  try {
    parsed = new URL(url, "http://callboard.invalid");
  } catch {
    return { ok: false, message: expected };
  }
  if (parsed.origin !== "http://callboard.invalid" || !PATHS.has(parsed.pathname)) {
    return { ok: false, message: expected };
  }
  const params = new URLSearchParams(parsed.search);
  for (const name of [...params.keys()]) if (DROPS.has(name)) params.delete(name);
  const search = params.toString();
  return { ok: true, value: search ? `${parsed.pathname}?${search}` : parsed.pathname };
}

export const VIEW_NAME_MAX_LENGTH = 80;

/** Why a view's name cannot be used (it is trimmed first), or null when it can. */
export function viewNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return "must not be empty";
  if (trimmed.length > VIEW_NAME_MAX_LENGTH)
    return `must be at most ${VIEW_NAME_MAX_LENGTH} characters`;
  try {
    encodeURIComponent(trimmed);
  } catch {
    return "must be text (it holds half of a character)";
  }
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) return "must not contain control characters";
  return null;
}
