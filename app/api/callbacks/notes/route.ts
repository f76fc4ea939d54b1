import { callbackNoteRequestSchema } from "@/lib/api/callbacks";
import { addCallbackNote } from "@/lib/callbacks/work-store";
import { getDatabase } from "@/lib/db";
import { parseBody } from "@/lib/server/parse-body";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Adds a note to a worklist row (audited as callback.note, with its length, not its text). */
export const POST = withApi(
  async (request, { principal, audit }) => {
    const input = await parseBody(request, callbackNoteRequestSchema);
    const work = await addCallbackNote(await getDatabase(), input, principal);
    await audit({
      action: "callback.note",
      target: work.key,
      details: { number: work.number, length: input.text.trim().length },
    });
    return Response.json({ work }, { status: 201, headers: { "cache-control": "no-store" } });
  },
  { permission: "callbacks.work" },
);
