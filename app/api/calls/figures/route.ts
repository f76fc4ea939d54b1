import { computeChartFigures } from "@/lib/paged/charts";
import { computeConversationFigures } from "@/lib/paged/conversation-figures";
import { countOfView, pagedRequestOf } from "@/lib/paged/paged-service";
import { badParameter } from "@/lib/server/api-error";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The figures of a view beyond the threshold, computed on the server by the browser's own
 * functions: `part=charts` (the default: record count, volume, statuses, talk time — fast,
 * in SQL) or `part=conversations` (KPIs, callbacks, heatmap — grouped from the store).
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
        : {
            records: await countOfView(paged),
            ...(await computeChartFigures(paged.db, paged.where, {
              timeZone: paged.view.tz,
              range,
            })),
          };
    return Response.json(body, { headers: { "cache-control": "private, no-store" } });
  },
  { permission: "calls.view" },
);
