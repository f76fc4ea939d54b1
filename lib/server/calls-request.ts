import "server-only";

import { parseCallsParams, type CallsQuery } from "@/lib/view-state/calls-params";

import { badParameter } from "./api-error";

/** The `/api/calls` query of a request; a bad parameter is thrown as a 400 naming it. */
export function callsQueryOf(request: Request): CallsQuery {
  const parsed = parseCallsParams(new URL(request.url).searchParams);
  if (!parsed.ok) throw badParameter(parsed.param, parsed.message);
  return parsed.query;
}
