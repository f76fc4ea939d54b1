import { CALLBACK_LOOK_BACK_DAYS, callbackChangeSchema } from "@/lib/api/callbacks";
import { resolveAssignee } from "@/lib/callbacks/assignee";
import { parseWorkRange } from "@/lib/callbacks/work-range";
import { changeCallbackWork, listCallbackWork } from "@/lib/callbacks/work-store";
import { getDatabase } from "@/lib/db";
import { parseBody } from "@/lib/server/parse-body";
import { withApi } from "@/lib/server/with-api";
import { DAY_MS } from "@/lib/time/units";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const NO_STORE = { "cache-control": "no-store" };

/**
 * The worklist's work for a view of [from, to): every row's assignee, state and notes, as
 * everyone sees them (the rows themselves come from the calls, computed by the page).
 */
export const GET = withApi(
  async (request) => {
    const range = parseWorkRange(new URL(request.url).searchParams);
    const work = await listCallbackWork(await getDatabase(), {
      ...range,
      lookBackMs: CALLBACK_LOOK_BACK_DAYS * DAY_MS,
    });
    return Response.json({ work }, { headers: NO_STORE });
  },
  { permission: "callbacks.work" },
);

/** Assigns a row and/or sets its state; each change is audited (callback.assign, callback.state). */
export const POST = withApi(
  async (request, { principal, audit }) => {
    const change = await parseBody(request, callbackChangeSchema);
    const db = await getDatabase();
    const assignee =
      change.assignee === undefined || change.assignee === null
        ? change.assignee
        : await resolveAssignee(db, change.assignee, principal);
    const { work, changes } = await changeCallbackWork(
      db,
      { ...change, assignee, state: change.state },
      principal,
    );
    for (const { action, details } of changes) {
      await audit({ action, target: work.key, details: { number: work.number, ...details } });
    }
    return Response.json({ work }, { headers: NO_STORE });
  },
  { permission: "callbacks.work" },
);
