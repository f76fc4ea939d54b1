import * as z from "zod/mini";

import { DAY_MS } from "@/lib/time/units";
import { CALL_TYPE_IDS, isCallTypeId, type CallTypeId } from "@/lib/voicenter/call-types";
import { parseUpstreamDate } from "@/lib/voicenter/dates";
import { canonicalFieldName, FIELD_NAMES, type FieldName } from "@/lib/voicenter/fields";
import type { CdrQuery, IdentityCriteria } from "@/lib/voicenter/request";

/**
 * The one definition of the `/api/calls` parameters, which the dashboard's URL uses too.
 * Pure (no server imports): the browser parses its URL with it. This core takes the phone
 * normalizer as an argument, so the browser loads libphonenumber (~30 KB) only for a URL
 * with phones; `calls-params.ts` binds it for the server and the tests. Repeated parameters and
 * comma lists both work: `?type=1&type=8` and `?type=1,8`. Unknown parameters are ignored,
 * so the page may keep its own state (sort, columns, selection) in the same URL.
 */

export const CALLS_PARAM_NAMES = [
  "from",
  "to",
  "phone",
  "ext",
  "queue",
  "type",
  "campaign",
  "callId",
  "scope",
  "fields",
] as const;
export type CallsParamName = (typeof CALLS_PARAM_NAMES)[number];

/**
 * The longest range a view may span: a year and a month (the store's default retention).
 * The upstream is asked about shorter spans one after another (lib/server/fetch-all-calls.ts);
 * beyond the paged threshold the store answers.
 */
export const MAX_RANGE_DAYS = 400;

export type CallsScope =
  { criteria: Exclude<IdentityCriteria, "User"> } | { criteria: "User"; userCode: string };

/** A parsed `/api/calls` query. The range is half-open, [from, to), in epoch ms. */
export interface CallsQuery {
  from: number;
  to: number;
  phones?: string[];
  extensions?: string[];
  queueIds?: number[];
  cdrTypes?: CallTypeId[];
  campaignIds?: number[];
  callId?: string;
  scope?: CallsScope;
  /** Catalogue order, no repeats; absent = every field. */
  fields?: FieldName[];
}

export type ParseCallsResult =
  { ok: true; query: CallsQuery } | { ok: false; param: CallsParamName; message: string };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * One parameter's values (repeats and comma lists, already split) read by `read`, which
 * calls `fail(message)` for a value it cannot take. zod/mini keeps this module small in
 * the browser, which parses its own URL with it.
 */
const param = <T>(read: (values: string[], fail: (message: string) => never) => T) =>
  z.pipe(
    z.array(z.string()),
    z.transform((values: string[], ctx) => {
      try {
        return read(values, (message) => {
          throw new ParamProblem(message);
        });
      } catch (error) {
        if (!(error instanceof ParamProblem)) throw error;
        ctx.issues.push({ code: "custom", message: error.message, input: values });
        return z.NEVER;
      }
    }),
  );

class ParamProblem extends Error {}

const instant = (name: string) =>
  param((values, fail) => {
    const [value, ...extra] = values;
    if (value === undefined) {
      return fail(`${name} is required: an ISO-8601 instant such as 2024-05-01T00:00:00+03:00`);
    }
    if (extra.length > 0) return fail(`give ${name} once`);
    const ms = INSTANT.test(value) ? parseUpstreamDate(value) : undefined;
    if (ms === undefined) {
      const hint = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+)?$/.test(value)
        ? " (a time zone is required: add Z or an offset such as +03:00)"
        : "";
      return fail(
        `${name} must be an ISO-8601 instant such as 2024-05-01T00:00:00+03:00, not ${JSON.stringify(value)}${hint}`,
      );
    }
    return ms;
  });

const ints = (what: string, check?: (n: number) => string | undefined) =>
  param((values, fail) =>
    values.map((value) => {
      const n = /^\d{1,9}$/.test(value) ? Number(value) : undefined;
      if (n === undefined) return fail(`${JSON.stringify(value)} is not a ${what}`);
      const problem = check?.(n);
      if (problem !== undefined) return fail(problem);
      return n;
    }),
  );

/** A phone number in the upstream's international form, or undefined for what is not one. */
export type PhoneNormalizer = (input: string) => string | undefined;

const phones = (normalizePhone: PhoneNormalizer) =>
  param((values, fail) =>
    values.map(
      (value) => normalizePhone(value) ?? fail(`${JSON.stringify(value)} is not a phone number`),
    ),
  );

const extensions = param((values, fail) =>
  values.map((value) =>
    /^[\w.@+-]{1,64}$/.test(value)
      ? value
      : fail("an extension is letters, digits, . _ - @ + (at most 64)"),
  ),
);

const callId = param((values, fail) => {
  if (values.length > 1) return fail("give one call id");
  const [value] = values;
  if (value !== undefined && !/^[\w.:-]{1,128}$/.test(value)) {
    return fail(`${JSON.stringify(value)} is not a call id`);
  }
  return value;
});

const SCOPES: Record<string, Exclude<IdentityCriteria, "User">> = {
  account: "Account",
  hierarchical: "Hierarchical",
  department: "Department",
};

const scope = param((values, fail): CallsScope | undefined => {
  const [value, ...extra] = values;
  if (value === undefined) return undefined;
  const criteria = SCOPES[value.toLowerCase()];
  const user = /^user:([\w.@+-]{1,64})$/i.exec(value)?.[1];
  if (extra.length > 0 || (!criteria && !user)) {
    return fail("scope is one of account, hierarchical, department, user:<user code>");
  }
  return criteria ? { criteria } : { criteria: "User", userCode: user ?? "" };
});

const fields = param((values, fail) => {
  const wanted = new Set<FieldName>();
  for (const value of values) {
    wanted.add(canonicalFieldName(value) ?? fail(`unknown field ${JSON.stringify(value)}`));
  }
  return FIELD_NAMES.filter((name) => wanted.has(name));
});

const paramsSchema = (normalizePhone: PhoneNormalizer) =>
  z.object({
    from: instant("from"),
    to: instant("to"),
    phone: phones(normalizePhone),
    ext: extensions,
    queue: ints("queue id"),
    type: ints("call type id", (n) =>
      isCallTypeId(n)
        ? undefined
        : `${n} is not a Voicenter call type (known: ${CALL_TYPE_IDS.join(", ")})`,
    ),
    campaign: ints("campaign id"),
    callId,
    scope,
    fields,
  });
type ParamsSchema = ReturnType<typeof paramsSchema>;

/** A comma list as its items, trimmed, empties dropped: `"1, 8,"` → `["1", "8"]`. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** Every value of a parameter: repeats and comma lists both. */
function valuesOf(params: URLSearchParams, name: string): string[] {
  return params.getAll(name).flatMap(splitList);
}

const sortedUnique = <T extends string | number>(values: T[]): T[] | undefined =>
  values.length === 0
    ? undefined
    : [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const schemas = new WeakMap<PhoneNormalizer, ParamsSchema>();

/** The `/api/calls` parameters' parser, reading phones with `normalizePhone`. */
export function createCallsParamsParser(
  normalizePhone: PhoneNormalizer,
): (params: URLSearchParams) => ParseCallsResult {
  let schema = schemas.get(normalizePhone);
  if (!schema) {
    schema = paramsSchema(normalizePhone);
    schemas.set(normalizePhone, schema);
  }
  const bound = schema;
  return (params) => parseWith(bound, params);
}

function parseWith(schema: ParamsSchema, params: URLSearchParams): ParseCallsResult {
  const raw = Object.fromEntries(CALLS_PARAM_NAMES.map((name) => [name, valuesOf(params, name)]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = (issue?.path[0] ?? "from") as CallsParamName;
    return { ok: false, param, message: issue?.message ?? `invalid ${param}` };
  }
  const p = parsed.data;
  if (p.to <= p.from) return { ok: false, param: "to", message: "to must be later than from" };
  if (p.to - p.from > MAX_RANGE_DAYS * DAY_MS) {
    return {
      ok: false,
      param: "to",
      message: `the range may span at most ${MAX_RANGE_DAYS} days; choose a shorter one`,
    };
  }
  const query: CallsQuery = { from: p.from, to: p.to };
  const set = <K extends keyof CallsQuery>(key: K, value: CallsQuery[K] | undefined) => {
    if (value !== undefined) query[key] = value;
  };
  set("phones", sortedUnique(p.phone));
  set("extensions", sortedUnique(p.ext));
  set("queueIds", sortedUnique(p.queue));
  set("cdrTypes", sortedUnique(p.type) as CallTypeId[] | undefined);
  set("campaignIds", sortedUnique(p.campaign));
  set("callId", p.callId);
  set("scope", p.scope);
  set("fields", p.fields.length > 0 ? p.fields : undefined);
  return { ok: true, query };
}

/** The canonical URL form of a query: equal queries give equal strings (a cache key too). */
export function callsQueryToSearchParams(query: CallsQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set("from", new Date(query.from).toISOString());
  params.set("to", new Date(query.to).toISOString());
  const list = (name: CallsParamName, values: readonly (string | number)[] | undefined) => {
    if (values?.length) params.set(name, values.join(","));
  };
  list("phone", query.phones);
  list("ext", query.extensions);
  list("queue", query.queueIds);
  list("type", query.cdrTypes);
  list("campaign", query.campaignIds);
  if (query.callId) params.set("callId", query.callId);
  if (query.scope) {
    params.set(
      "scope",
      query.scope.criteria === "User"
        ? `user:${query.scope.userCode}`
        : query.scope.criteria.toLowerCase(),
    );
  }
  list("fields", query.fields);
  return params;
}

/** The upstream query for a parsed one (fields: the asked ones, or every field). */
export function toCdrQuery(query: CallsQuery): CdrQuery {
  return {
    from: query.from,
    to: query.to,
    phones: query.phones,
    extensions: query.extensions,
    queueIds: query.queueIds,
    cdrTypes: query.cdrTypes,
    campaignIds: query.campaignIds,
    callId: query.callId,
    identityCriteria: query.scope?.criteria,
    userCode: query.scope?.criteria === "User" ? query.scope.userCode : undefined,
    fields: query.fields ?? [...FIELD_NAMES],
  };
}
