import { isCallId, putReviewMarkSchema } from "@/lib/api/review";
import { getDatabase } from "@/lib/db";
import { putReviewMark, removeReviewMark } from "@/lib/review/marks";
import { ApiError, badParameter } from "@/lib/server/api-error";
import { parseBody } from "@/lib/server/parse-body";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Params = { callId: string };

function callIdOf(params: Params): string {
  if (!isCallId(params.callId)) throw badParameter("callId", "is not a CallID");
  return params.callId;
}

/** Sets the asker's own mark on a call (replacing theirs); the change and what it replaced are audited. */
export const PUT = withApi<Params>(
  async (request, { params, principal, audit }) => {
    const callId = callIdOf(params);
    const input = await parseBody(request, putReviewMarkSchema);
    const { mark, previous } = await putReviewMark(await getDatabase(), {
      callId,
      reviewer: { id: principal.id, label: principal.label },
      mark: input,
    });
    await audit({
      action: "review.mark",
      target: callId,
      details: { status: mark.status, score: mark.score, note: mark.note, previous },
    });
    return Response.json({ mark }, { headers: { "cache-control": "no-store" } });
  },
  { permission: "review.work" },
);

/** Removes the asker's own mark on a call (nobody else's); audited with what it was. */
export const DELETE = withApi<Params>(
  async (_request, { params, principal, audit }) => {
    const callId = callIdOf(params);
    const removed = await removeReviewMark(await getDatabase(), callId, principal.id);
    if (!removed) throw new ApiError("not_found", "you have no mark on this call");
    await audit({ action: "review.unmark", target: callId, details: { previous: removed } });
    return Response.json({ removed: { callId } }, { headers: { "cache-control": "no-store" } });
  },
  { permission: "review.work" },
);
