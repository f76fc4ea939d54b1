import * as fc from "fast-check";

import type { ApiParameter } from "@/lib/api/openapi/operation";
import { CALL_TYPE_IDS } from "@/lib/voicenter/call-types";
import { FIELD_NAMES } from "@/lib/voicenter/fields";

/**
 * Generators of hostile and half-right input for the API fuzzer: parameter values that are
 * nearly valid (the interesting edge), plainly wrong, huge, or any Unicode at all; headers a
 * client could send; path segments with tricks in them.
 */

/** Lone surrogates cannot arrive through a URL (Next decodes UTF-8): as the browser would send them. */
export const wellFormed = (text: string) => text.replace(/[\uD800-\uDFFF]/gu, "\uFFFD");

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ maxLength: 2000 }),
  fc.constantFrom("", " ", ",", ",,", "null", "undefined", "NaN", "-1", "1e309", "0x10", "%00"),
);

const DAY = 86_400_000;

/** ISO instants near `now`, right and slightly wrong, with and without a zone. */
function instants(now: number) {
  const iso = fc
    .integer({ min: -200, max: 10 })
    .chain((days) => fc.tuple(fc.constant(days), fc.integer({ min: 0, max: DAY - 1 })))
    .map(([days, ms]) => new Date(now + days * DAY + ms).toISOString());
  return fc.oneof(
    { weight: 4, arbitrary: iso },
    iso.map((t) => t.replace("Z", "+03:00")),
    iso.map((t) => t.replace("Z", "")),
    iso.map((t) => t.slice(0, 10)),
    fc.constantFrom(
      "2024-02-30T00:00:00Z",
      "2024-13-01T00:00:00Z",
      "2024-06-11T24:00:00Z",
      "9999-12-31T23:59:59Z",
      "0000-01-01T00:00:00Z",
      "2024-06-11T10:00:00+99:99",
      "2024-06-11T10:00:00.1234567890Z",
    ),
    anyText,
  );
}

/** `from` and `to` an hour to two days apart, within the last two months. */
function validRange(now: number): fc.Arbitrary<[string, string[]][]> {
  const HOUR = 3_600_000;
  return fc
    .tuple(fc.integer({ min: 1, max: 60 * 24 }), fc.integer({ min: 1, max: 48 }))
    .map(([hoursAgo, hours]) => {
      const from = Math.floor(now / HOUR) * HOUR - hoursAgo * HOUR;
      return [
        ["from", [new Date(from).toISOString()]],
        ["to", [new Date(from + hours * HOUR).toISOString()]],
      ];
    });
}

/** A value for one documented parameter: mostly near what it takes, sometimes anything. */
export function parameterValue(param: ApiParameter, now: number): fc.Arbitrary<string> {
  const near: Record<string, fc.Arbitrary<string>> = {
    from: instants(now),
    to: instants(now),
    type: fc.oneof(fc.constantFrom(...CALL_TYPE_IDS.map(String)), fc.integer().map(String)),
    queue: fc.oneof(fc.nat().map(String), fc.integer({ min: -5, max: 5 }).map(String)),
    campaign: fc.oneof(fc.nat({ max: 1e10 }).map(String), fc.double().map(String)),
    fields: fc.oneof(
      fc.constantFrom(...FIELD_NAMES),
      fc.constantFrom(...FIELD_NAMES).map((f) => f.toLowerCase()),
      fc.subarray([...FIELD_NAMES]).map((f) => f.join(",")),
    ),
    phone: fc.oneof(
      fc.stringMatching(/^0[2-9]\d-?\d{3}-?\d{4}$/),
      fc.stringMatching(/^\+\d{6,15}$/),
      fc.stringMatching(/^[\d ()+-]{0,30}$/),
    ),
    ext: fc.stringMatching(/^[\w.@+-]{0,70}$/),
    scope: fc.oneof(
      fc.constantFrom(
        "account",
        "hierarchical",
        "department",
        "ACCOUNT",
        "user:",
        "user:abc",
        "user:",
      ),
      fc.stringMatching(/^user:[\w.@+-]{0,70}$/),
    ),
    callId: fc.stringMatching(/^[\w.:-]{0,140}$/),
    download: fc.constantFrom("1", "0", "true", ""),
    range: fc.oneof(
      fc.constantFrom("bytes=0-", "bytes=0-1023", "bytes=-500", "bytes=0-1,5-9", "bytes=99999999-"),
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `bytes=${a}-${b}`),
      fc.stringMatching(/^(bytes|items)=[\d,-]{0,20}$/),
    ),
  };
  return fc.oneof({ weight: 3, arbitrary: near[param.name] ?? anyText }, anyText).map(wellFormed);
}

/** Query strings: documented parameters (repeated, comma lists) and names nobody documented. */
export function queryOf(params: readonly ApiParameter[], now: number) {
  const query = params.filter((p) => p.in === "query");
  const named = query.map((p) =>
    fc.tuple(fc.constant(p.name), fc.array(parameterValue(p, now), { minLength: 1, maxLength: 3 })),
  );
  const stranger = fc.tuple(
    fc.oneof(
      anyText,
      fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "FROM", "from[]"),
    ),
    fc.array(anyText, { maxLength: 2 }),
  );
  const pairs =
    named.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...named) }, stranger) : stranger;
  // Most queries start from a valid range, so the rest of the query is what decides.
  const ranged = query.some((p) => p.name === "from") && query.some((p) => p.name === "to");
  const start = ranged
    ? fc.oneof(
        { weight: 3, arbitrary: validRange(now) },
        { weight: 1, arbitrary: fc.constant<[string, string[]][]>([]) },
      )
    : fc.constant<[string, string[]][]>([]);
  return fc.tuple(start, fc.array(pairs, { maxLength: 6 })).map(([base, more]) => {
    const entries = [...base, ...more];
    const search = new URLSearchParams();
    for (const [name, values] of entries) {
      for (const value of values) search.append(wellFormed(name), wellFormed(value));
    }
    return search;
  });
}

/** A header value a Fetch client can send (ByteString, no CR/LF/NUL). */
const headerValue = fc
  .string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 200,
  })
  .map((v) => v.trim());

/** Headers: the ones the routes read, those an attacker would forge, and random ones. */
export function headersOf(params: readonly ApiParameter[], now: number) {
  const documented = params
    .filter((p) => p.in === "header")
    .map((p) =>
      fc.tuple(
        fc.constant(p.name),
        parameterValue(p, now).map((v) => v.replace(/[^\x20-\xff]/g, "")),
      ),
    );
  const attacker = fc.tuple(
    fc.constantFrom(
      "authorization",
      "cookie",
      "origin",
      "x-forwarded-for",
      "x-callboard-peer",
      "content-type",
      "accept",
      "if-none-match",
      "sec-fetch-site",
      "x-real-ip",
    ),
    fc.oneof(
      headerValue,
      fc.constantFrom(
        "Bearer ",
        "Bearer x",
        "null",
        "https://evil.example",
        "http://localhost",
        "127.0.0.1",
      ),
      fc.stringMatching(/^[0-9a-f]{32,64}$/).map((t) => `Bearer ${t}`),
    ),
  );
  const random = fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerValue);
  return fc
    .array(fc.oneof(...documented, attacker, random), { maxLength: 6 })
    .map(
      (entries) => new Headers(entries.map(([name, value]) => [name, value] as [string, string])),
    );
}

/** A dynamic path segment: real ids sometimes, tricks and anything else otherwise. */
export function segmentOf(known: readonly string[], catchAll: boolean) {
  const trick = fc.constantFrom(
    "..",
    "../..",
    "%2e%2e",
    "a/b",
    "a\u0000b",
    "x".repeat(300),
    ".",
    "~",
    "con",
  );
  const one = fc.oneof(
    ...(known.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...known) }] : []),
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,130}$/) },
    { weight: 1, arbitrary: trick },
    { weight: 2, arbitrary: anyText.map(wellFormed) },
  );
  return catchAll ? fc.array(one, { minLength: 1, maxLength: 4 }) : one.map((s) => [s]);
}

export const bodyOf = fc.option(fc.oneof(anyText, fc.json()), { nil: undefined });
