/**
 * Upstream date handling. The upstream speaks GMT+0: request dates are sent as
 * `YYYY-MM-DDTHH:mm:ss` (documented form), and records carry `YYYY-MM-DD HH:mm:ss`
 * or ISO-8601 with `Z` (both seen in the vendor's own examples).
 */

const UPSTREAM_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a date the way the upstream writes (or is sent) one: with a space or `T`, with or
 * without seconds and fractions, with `Z`, an offset, or nothing (then GMT+0).
 * Returns epoch milliseconds, or undefined when the text is not such a date.
 */
export function parseUpstreamDate(text: string): number | undefined {
  const m = UPSTREAM_DATE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m;
  const ms = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(frac.padEnd(3, "0").slice(0, 3)),
  );
  const check = new Date(ms);
  // Reject rolled-over dates such as 2024-02-31 instead of silently moving them.
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  if (!zone || zone.toUpperCase() === "Z") return ms;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return ms - sign * offsetMinutes * 60_000;
}

/** `2021-10-10T09:04:58Z`: the normalized form Callboard hands out (second precision). */
export function toIsoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** `2021-10-02T08:09:40`: the documented request form (GMT+0, no zone designator). */
export function toUpstreamRequestDate(ms: number): string {
  return toIsoUtc(ms).slice(0, 19);
}

/** `2021-10-02 08:09:40`: how the upstream itself writes `Date` in most records. */
export function toUpstreamRecordDate(ms: number): string {
  return toIsoUtc(ms).slice(0, 19).replace("T", " ");
}
