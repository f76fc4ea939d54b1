import { resolvePreset, type RangePreset } from "@/lib/time/date-range";
import {
  parseCallsParams,
  type CallsParamName,
  type CallsQuery,
} from "@/lib/view-state/calls-params";
import type { FieldName } from "@/lib/voicenter/fields";

/** The part of the URL state that decides what is asked of `/api/calls`. */
export interface UpstreamFilters {
  from: string | null;
  to: string | null;
  range: RangePreset | null;
  phone: string[] | null;
  ext: string[] | null;
  queue: number[] | null;
  type: number[] | null;
  campaign: number[] | null;
  callId: string | null;
  scope: string | null;
}

export type ViewRequest =
  | { ok: true; query: CallsQuery; search: string; preset: RangePreset | null }
  | { ok: false; param: CallsParamName; message: string };

export const DEFAULT_PRESET: RangePreset = "today";

/**
 * Turns the URL state into the `/api/calls` request, validated by the same parser the
 * server uses. A custom range (`from` + `to`) wins over a preset; a preset resolves
 * against `now` in the viewer's zone.
 */
export function buildViewRequest(
  filters: UpstreamFilters,
  opts: { now: number; timeZone: string; fields: readonly FieldName[] },
): ViewRequest {
  const params = new URLSearchParams();
  const custom = filters.from !== null && filters.to !== null;
  const preset = custom ? null : (filters.range ?? DEFAULT_PRESET);
  if (preset) {
    const range = resolvePreset(preset, opts.now, opts.timeZone);
    params.set("from", new Date(range.from).toISOString());
    params.set("to", new Date(range.to).toISOString());
  } else {
    params.set("from", filters.from ?? "");
    params.set("to", filters.to ?? "");
  }
  const lists: [CallsParamName, readonly (string | number)[] | null][] = [
    ["phone", filters.phone],
    ["ext", filters.ext],
    ["queue", filters.queue],
    ["type", filters.type],
    ["campaign", filters.campaign],
  ];
  for (const [name, values] of lists) if (values?.length) params.set(name, values.join(","));
  if (filters.callId) params.set("callId", filters.callId);
  if (filters.scope) params.set("scope", filters.scope);
  if (opts.fields.length) params.set("fields", opts.fields.join(","));

  const parsed = parseCallsParams(params);
  if (!parsed.ok) return parsed;
  return { ok: true, query: parsed.query, search: params.toString(), preset };
}
