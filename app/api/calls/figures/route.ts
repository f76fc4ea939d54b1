import { chartFiguresOf, computeChartFigures, computeRangeChartFigures } from "@/lib/paged/charts";
import { computeConversationFigures } from "@/lib/paged/conversation-figures";
import { countOfView, pagedRequestOf, type PagedRequest } from "@/lib/paged/paged-service";
import { countStored, isRangeOnly } from "@/lib/paged/quarters";
import { keptFigure, readyRecordsOf } from "@/lib/paged/record-sets";
import { badParameter } from "@/lib/server/api-error";
import { withApi } from "@/lib/server/with-api";
import { hasLocalFilters } from "@/lib/view-state/local-filter";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * From the range's records when the server holds them already, else from the database;
 * kept a minute either way.
 */
function charts(paged: PagedRequest, range: { from: number; to: number }) {
  const options = { timeZone: paged.view.tz, range };
  const key = `charts|${JSON.stringify({ filters: paged.view.filters, ...options })}`;
  return keptFigure(paged.db, paged.filter, key, async () => {
    const ready = readyRecordsOf(paged.db, paged.filter);
    if (ready) return chartFiguresOf(ready, paged.view.filters, options);
    if (isRangeOnly(paged.filter) && !hasLocalFilters(paged.view.filters)) {
      const [records, figures] = await Promise.all([
        countStored(paged.db, paged.filter),
        computeRangeChartFigures(paged.db, options),
      ]);
      return { records, ...figures };
    }
    const [records, figures] = await Promise.all([
      countOfView(paged),
      computeChartFigures(paged.db, paged.where, options),
    ]);
    return { records, ...figures };
  });
}

/**
 * The figures of a view beyond the threshold, computed on the server by the browser's own
 * functions: `part=charts` (the default: record count, volume, statuses, talk time — fast,
 * in SQL, or from the range's records once the server holds them) or `part=conversations`
 * (KPIs, callbacks, heatmap — grouped from the store's records of the range).
 */
export const GET = withApi(
  async (request) => {
    const part = new URL(request.url).searchParams.get("part") ?? "charts";
    if (part !== "charts" && part !== "conversations") {
      throw badParameter("part", "must be charts or conversations");
    }
    const paged = await pagedRequestOf(request);
    const range = { from: paged.query.from, to: paged.query.to };
    const body =
      part === "conversations"
        ? await computeConversationFigures(paged.db, paged.filter, {
            filters: paged.view.filters,
            timeZone: paged.view.tz,
            range,
            shortAbandonSeconds: paged.view.abandonS,
            serviceLevelSeconds: paged.view.slaS,
          })
        : await charts(paged, range);
    return Response.json(body, { headers: { "cache-control": "private, no-store" } });
  },
  { permission: "calls.view" },
);
