import { reviewSearchSchema } from "@/lib/api/review";
import { getDatabase } from "@/lib/db";
import { listReviewMarks } from "@/lib/review/marks";
import { parseBody } from "@/lib/server/parse-body";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Every supervisor's marks on a set of calls (a review queue's recordings). A POST: a day's
 * queue names thousands of CallIDs, more than a URL holds. Reads nothing personal of the
 * calls, so it is not audited; changes are.
 */
export const POST = withApi(
  async (request, { principal }) => {
    const { callIds } = await parseBody(request, reviewSearchSchema);
    const marks = await listReviewMarks(await getDatabase(), callIds, principal.id);
    return Response.json({ marks }, { headers: { "cache-control": "no-store" } });
  },
  { permission: "review.work" },
);
