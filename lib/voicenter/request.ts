import * as z from "zod";

import { DAY_MS } from "../time/units";
import { isCallTypeId } from "./call-types";
import { parseUpstreamDate, toUpstreamRequestDate } from "./dates";
import { canonicalFieldName, type FieldName } from "./fields";

/** The upstream's request vocabulary: filters, sort and field selection, written once. */

export const DEFAULT_API_URL = "https://api.voicenter.com/hub/cdr/";
/** At most this many records come back from one upstream request. */
export const MAX_RECORDS_PER_REQUEST = 10_000;
/** At most this many requests per minute per account. */
export const MAX_REQUESTS_PER_MINUTE = 30;
/**
 * The longest range one request may ask about, as the simulator models the upstream ("Out
 * of range" beyond it; the vendor states no figure): requests keep a day inside it, for
 * rounding. Longer ranges are asked as consecutive spans (lib/server/fetch-all-calls.ts).
 */
export const MAX_REQUEST_RANGE_DAYS = 93;
export const MAX_REQUEST_SPAN_MS = (MAX_REQUEST_RANGE_DAYS - 1) * DAY_MS;

const IDENTITY_CRITERIA = ["Account", "Hierarchical", "Department", "User"] as const;
export type IdentityCriteria = (typeof IDENTITY_CRITERIA)[number];

export type SortOrder = "asc" | "desc";
export interface SortKey {
  field: FieldName;
  order: SortOrder;
}

/** A CDR query in Callboard's terms; times are epoch milliseconds (GMT+0 instants). */
export interface CdrQuery {
  from: number;
  to: number;
  phones?: string[];
  extensions?: string[];
  identityCriteria?: IdentityCriteria;
  /** The user's code when `identityCriteria` is `User` (sent as `UserCode` in `search`). */
  userCode?: string;
  callId?: string;
  cdrTypes?: number[];
  campaignIds?: number[];
  queueIds?: number[];
  fields?: FieldName[];
  sort?: SortKey[];
}

/** The documented POST body (`search` as a one-element array, as in the vendor's example). */
export function buildCdrRequestBody(query: CdrQuery, code?: string): Record<string, unknown> {
  const search: Record<string, unknown> = {
    fromdate: toUpstreamRequestDate(query.from),
    todate: toUpstreamRequestDate(query.to),
  };
  if (query.phones?.length) search.phones = query.phones;
  if (query.extensions?.length) search.extensions = query.extensions;
  if (query.identityCriteria) search.IdentityCriteria = query.identityCriteria;
  if (query.userCode) search.UserCode = query.userCode;
  if (query.callId) search.callID = query.callId;
  if (query.cdrTypes?.length) search.cdrTypes = query.cdrTypes;
  if (query.campaignIds?.length) search.campaignID = query.campaignIds;
  if (query.queueIds?.length) search.queueID = query.queueIds;
  const body: Record<string, unknown> = { search: [search] };
  if (code !== undefined) body.code = code;
  if (query.fields?.length) body.fields = query.fields;
  if (query.sort?.length) body.sort = query.sort;
  return body;
}

// ---- Reading a request the way the upstream does (used by the simulator) ----

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));

const intLike = z.preprocess(
  (v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
  z.number().int(),
);

const requestDate = z.preprocess(
  (v) => (typeof v === "string" ? (parseUpstreamDate(v) ?? v) : v),
  z.number({ error: "expected an ISO-8601 date-time" }),
);

const sortKey = z
  .object({ field: z.string(), order: z.string().optional() })
  .transform((s, ctx) => {
    const field = canonicalFieldName(s.field);
    const order = (s.order ?? "asc").toLowerCase();
    if (!field) {
      ctx.addIssue({ code: "custom", message: `unknown sort field ${JSON.stringify(s.field)}` });
      return z.NEVER;
    }
    if (order !== "asc" && order !== "desc") {
      ctx.addIssue({ code: "custom", message: `sort order must be asc or desc` });
      return z.NEVER;
    }
    return { field, order } satisfies SortKey;
  });

const searchSchema = z.object({
  fromdate: requestDate.optional(),
  todate: requestDate.optional(),
  phones: list(z.string()).optional(),
  extensions: list(z.string()).optional(),
  identitycriteria: z.enum(IDENTITY_CRITERIA).optional(),
  usercode: z.string().optional(),
  callid: z.string().optional(),
  cdrtypes: list(intLike.refine(isCallTypeId, "unknown call type")).optional(),
  campaignid: list(intLike).optional(),
  queueid: list(intLike).optional(),
});

/** Lower-cases the keys of an object, so `fromDate`, `FromDate`, `fromdate` all read alike. */
function lowerKeys(value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]));
}

export type ParsedCdrRequest =
  | { ok: true; code?: string; query: CdrQuery; fieldsUnknown: string[] }
  | {
      ok: false;
      reason: string;
      missingDates?: boolean;
      /** The request key that could not be read (lowercase), e.g. `fromdate`. */
      field?: string;
    };

/**
 * Reads a CDR request from a POST body or GET parameters (already collected into an object;
 * repeated GET keys as arrays). `fromdate`/`todate` may sit at the top level or in `search`,
 * which may be an object or a one-element array; keys in any casing.
 */
export function parseCdrRequest(input: Record<string, unknown>): ParsedCdrRequest {
  const top = lowerKeys(input);
  const rawSearch: unknown = Array.isArray(top.search) ? (top.search as unknown[])[0] : top.search;
  const merged = { ...top, ...lowerKeys(rawSearch) };
  for (const key of ["fromdate", "todate"]) {
    if (merged[key] === undefined) merged[key] = top[key];
  }
  const search = searchSchema.safeParse(merged);
  if (!search.success) {
    const issue = search.error.issues[0];
    return {
      ok: false,
      reason: `${issue?.path.join(".") ?? "search"}: ${issue?.message ?? "invalid"}`,
      field: issue?.path[0] === undefined ? undefined : String(issue.path[0]),
    };
  }
  const s = search.data;
  if (s.fromdate === undefined || s.todate === undefined) {
    return { ok: false, reason: "fromdate and todate are required", missingDates: true };
  }

  const fieldsUnknown: string[] = [];
  // `fields` and `Fields` may both be sent (GET repeats either): lowerKeys would keep one.
  const rawFields = Object.entries(input)
    .filter(([key]) => key.toLowerCase() === "fields")
    .flatMap(([, value]) => (Array.isArray(value) ? (value as unknown[]) : [value]));
  const fieldNames = list(z.string()).safeParse(rawFields);
  const fields: FieldName[] = [];
  for (const name of fieldNames.success ? (fieldNames.data ?? []) : []) {
    const canonical = canonicalFieldName(name);
    if (canonical) {
      if (!fields.includes(canonical)) fields.push(canonical);
    } else fieldsUnknown.push(name);
  }

  let sort: SortKey[] | undefined;
  if (top.sort !== undefined) {
    const rawSort = typeof top.sort === "string" ? safeJson(top.sort) : top.sort;
    const parsedSort = list(sortKey).safeParse(rawSort);
    if (!parsedSort.success) {
      return { ok: false, reason: `sort: ${parsedSort.error.issues[0]?.message ?? "invalid"}` };
    }
    sort = parsedSort.data;
  }

  return {
    ok: true,
    code: typeof top.code === "string" ? top.code : undefined,
    fieldsUnknown,
    query: {
      from: s.fromdate,
      to: s.todate,
      phones: s.phones,
      extensions: s.extensions,
      identityCriteria: s.identitycriteria,
      userCode: s.usercode,
      callId: s.callid,
      cdrTypes: s.cdrtypes,
      campaignIds: s.campaignid,
      queueIds: s.queueid,
      fields: fields.length ? fields : undefined,
      sort,
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
