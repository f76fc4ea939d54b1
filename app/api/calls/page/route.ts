import { countOfView, pagedRequestOf } from "@/lib/paged/paged-service";
import { readPage } from "@/lib/paged/read";
import { badParameter } from "@/lib/server/api-error";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const MAX_LIMIT = 1_000;

function intParam(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || value > max) {
    throw badParameter(name, `must be a whole number from 0 to ${max}`);
  }
  return value;
}

/**
 * One page of a view beyond the threshold: its rows (records, in the view's sort, after its
 * filters) from `offset`, and how many rows the whole view has.
 */
export const GET = withApi(
  async (request) => {
    const params = new URL(request.url).searchParams;
    const offset = intParam(params, "offset", 0, 100_000_000);
    const limit = intParam(params, "limit", 200, MAX_LIMIT);
    const paged = await pagedRequestOf(request);
    const [total, calls] = await Promise.all([
      countOfView(paged),
      readPage(paged.db, paged.where, paged.order, { offset, limit, fields: paged.fields }),
    ]);
    return Response.json(
      { calls, total, offset },
      { headers: { "cache-control": "private, no-store" } },
    );
  },
  { permission: "calls.view" },
);
