import "server-only";

import type { CallbackAssignee } from "@/lib/api/callbacks";
import type { Principal } from "@/lib/auth/principal";
import type { Database } from "@/lib/db";
import { badParameter } from "@/lib/server/api-error";

import { listCallbackAssignees } from "./work-store";

/**
 * The assignee a change names: `me` (whoever asks: a user, a token, the demo visitor) or a
 * user from the assignees list. The label is the server's, never the page's.
 */
export async function resolveAssignee(
  db: Database,
  wanted: string,
  principal: Principal,
): Promise<CallbackAssignee> {
  if (wanted === "me" || wanted === principal.id)
    return { id: principal.id, label: principal.label };
  const found = (await listCallbackAssignees(db)).find((a) => a.id === wanted);
  if (!found) {
    throw badParameter("assignee", "must be me or a user whose role may work the callback list");
  }
  return found;
}
