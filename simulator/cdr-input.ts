/**
 * Turns an HTTP request to /hub/cdr into the plain object `parseCdrRequest` reads: GET
 * parameters (repeated keys collected into lists) merged with a POST body (JSON, or a form).
 */

export type CdrInput = { ok: true; input: Record<string, unknown> } | { ok: false; reason: string };

/** Keys whose GET value may also be a comma-separated list. */
const LIST_KEYS = new Set(["phones", "extensions", "cdrtypes", "campaignid", "queueid"]);

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** GET-style parameters: `phones[]` reads as `phones`; `search` and `sort` may be JSON text. */
export function collectParams(params: URLSearchParams): Record<string, unknown> {
  const grouped = new Map<string, { key: string; values: string[] }>();
  for (const [rawKey, value] of params) {
    const key = rawKey.replace(/\[\]$/, "");
    // `fields` and `Fields` are one list; any other key's casing is kept as first seen.
    const group = grouped.get(key.toLowerCase()) ?? { key, values: [] };
    group.values.push(value);
    grouped.set(key.toLowerCase(), group);
  }
  const out: Record<string, unknown> = {};
  for (const [lower, { key, values }] of grouped) {
    if (lower === "sort") {
      const parsed = values
        .map(parseJsonText)
        .flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]));
      out[key] = parsed.length === 1 ? parsed[0] : parsed;
    } else if (lower === "search") {
      out[key] = parseJsonText(values[values.length - 1] ?? "");
    } else if (LIST_KEYS.has(lower)) {
      out[key] = values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean);
    } else if (lower === "fields") {
      out[key] = values;
    } else {
      out[key] = values.length === 1 ? values[0] : values;
    }
  }
  return out;
}

export async function readCdrInput(request: Request): Promise<CdrInput> {
  const url = new URL(request.url);
  const fromQuery = collectParams(url.searchParams);
  if (request.method === "GET" || request.method === "HEAD") return { ok: true, input: fromQuery };

  const text = await request.text();
  if (text.trim() === "") return { ok: true, input: fromQuery };
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) {
    return { ok: true, input: { ...fromQuery, ...collectParams(new URLSearchParams(text)) } };
  }
  const body = parseJsonText(text);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, reason: "the body is not a JSON object" };
  }
  return { ok: true, input: { ...fromQuery, ...(body as Record<string, unknown>) } };
}

/** The account code from the input (`code`, any casing) or an `Authorization: Bearer` header. */
export function accountCode(input: Record<string, unknown>, request: Request): string | undefined {
  for (const [key, value] of Object.entries(input)) {
    if (key.toLowerCase() === "code" && typeof value === "string" && value !== "") return value;
  }
  const auth = request.headers.get("authorization");
  const bearer = auth ? /^Bearer\s+(.+)$/i.exec(auth.trim()) : null;
  return bearer?.[1]?.trim() || undefined;
}
