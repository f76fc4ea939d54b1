import { viewParsers } from "./parsers";

/** Parameters whose value is a comma-separated list: one unread item is an unread value. */
const LISTS = new Set(["phone", "ext", "queue", "type", "campaign", "status", "cols"]);
const BOOLEANS = new Set(["compare", "unreviewed"]);

export interface UnreadParam {
  name: string;
  value: string;
}

/**
 * The dashboard's own parameters whose value in the link could not be read, each with the
 * value as written. nuqs reads such a value as absent (`range=last7` is the default range,
 * `status=ANSWER,BUSSY` is only ANSWER), so the page would otherwise show other calls than
 * the link's author meant, without a word. Parameters that are not the dashboard's are left
 * alone; `from`, `to` and the other upstream filters are checked by the request's own parser.
 */
export function unreadParams(search: URLSearchParams): UnreadParam[] {
  const unread: UnreadParam[] = [];
  for (const [name, parser] of Object.entries(viewParsers)) {
    const value = search.get(name);
    if (value === null || value === "") continue;
    if (!readable(name, value, parser.parse(value))) unread.push({ name, value });
  }
  return unread;
}

function readable(name: string, value: string, parsed: unknown): boolean {
  if (parsed === null) return false;
  if (BOOLEANS.has(name)) return /^(true|false)$/i.test(value);
  if (LISTS.has(name) && Array.isArray(parsed))
    return parsed.length === value.split(",").filter((item) => item.trim() !== "").length;
  return true;
}
