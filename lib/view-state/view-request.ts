import { createSerializer, parseAsArrayOf, parseAsString } from "nuqs";

import { resolvePreset, type RangePreset } from "@/lib/time/date-range";
import { DAY_MS } from "@/lib/time/units";
import type { FieldName } from "@/lib/voicenter/fields";

import {
  callsQueryToSearchParams,
  createCallsParamsParser,
  MAX_RANGE_DAYS,
  type CallsParamName,
  type CallsQuery,
  type PhoneNormalizer,
} from "./calls-params-core";
import { upstreamFilterParsers, type UpstreamFilters } from "./parsers";

export type ViewRequest =
  | { ok: true; query: CallsQuery; search: string; preset: RangePreset | null }
  | {
      ok: false;
      param: CallsParamName;
      message: string;
      /** Not wrong, not ready: the phone normalizer is still loading. */
      pending?: true;
    };

// Without phones in the URL the normalizer is never called.
const noPhones: PhoneNormalizer = () => undefined;

const DEFAULT_PRESET: RangePreset = "today";

// The URL's own parsers write the raw request; the API's parser then judges it.
const writeRawRequest = createSerializer({
  ...upstreamFilterParsers,
  fields: parseAsArrayOf(parseAsString, ","),
});

/**
 * Turns the URL state into the `/api/calls` request, validated by the same parser the
 * server uses, and written in its canonical form (equal views ask equal URLs, which is also
 * the server's cache key). A custom range (`from` + `to`) wins over a preset; a preset
 * resolves against `now` in the viewer's zone.
 */
export function buildViewRequest(
  filters: UpstreamFilters,
  opts: {
    now: number;
    timeZone: string;
    fields: readonly FieldName[];
    /** Reads the URL's phones (libphonenumber, loaded when a URL has some). */
    normalizePhone?: PhoneNormalizer | null;
  },
): ViewRequest {
  if (filters.phone?.length && !opts.normalizePhone) {
    return { ok: false, param: "phone", message: "", pending: true };
  }
  const { range: _range, ...upstream } = filters;
  const custom = filters.from !== null && filters.to !== null;
  const preset = custom ? null : (filters.range ?? DEFAULT_PRESET);
  const resolved = preset ? resolvePreset(preset, opts.now, opts.timeZone) : undefined;
  const raw = writeRawRequest({
    ...upstream,
    ...(resolved
      ? { from: new Date(resolved.from).toISOString(), to: new Date(resolved.to).toISOString() }
      : {}),
    fields: opts.fields.length ? [...opts.fields] : null,
  });
  const parsed = createCallsParamsParser(opts.normalizePhone ?? noPhones)(new URLSearchParams(raw));
  if (!parsed.ok) return parsed;
  const search = callsQueryToSearchParams(parsed.query).toString();
  return { ok: true, query: parsed.query, search, preset };
}

/**
 * The longest range a page that holds every call of its view in the browser opens (Agents,
 * Queues, Callbacks): the Calls page opens up to MAX_RANGE_DAYS, beyond its threshold a
 * page at a time from the store.
 */
export const IN_BROWSER_MAX_DAYS = 93;

/** Whether the request's range is longer than a page holding every call opens. */
export const beyondBrowserRange = (request: ViewRequest): boolean =>
  request.ok && request.query.to - request.query.from > IN_BROWSER_MAX_DAYS * DAY_MS;

/**
 * The request, or a refusal naming `to` when its range is longer than a page holding every
 * call opens; `why` says why this page holds every call (default: it has no paged mode).
 */
export function withinBrowserRange(
  request: ViewRequest,
  why = `the Calls page opens up to ${MAX_RANGE_DAYS}`,
): ViewRequest {
  if (!beyondBrowserRange(request)) return request;
  return {
    ok: false,
    param: "to",
    message: `this view opens at most ${IN_BROWSER_MAX_DAYS} days, since it holds every call in the browser; ${why}`,
  };
}
