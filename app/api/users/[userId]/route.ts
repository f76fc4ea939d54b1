import { changeUserSchema } from "@/lib/api/admin-requests";
import { adminChange } from "@/lib/auth/admin-change";
import { getAuth } from "@/lib/auth/auth";
import { setUserDisabled, setUserRole } from "@/lib/auth/users";
import { getDatabase } from "@/lib/db";
import { parseBody } from "@/lib/server/parse-body";
import { pathId } from "@/lib/server/path-id";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Re-role a local user, or disable / enable anyone (a disabled user's sessions end at once). */
export const PATCH = withApi<{ userId: string }>(
  async (request, { params, principal }) => {
    const userId = pathId("userId", params.userId);
    const change = await parseBody(request, changeUserSchema);
    const [auth, db] = [await getAuth(), await getDatabase()];
    const options = adminChange(principal, request);
    let user = change.role ? await setUserRole(auth, db, userId, change.role, options) : undefined;
    if (change.disabled !== undefined) {
      user = await setUserDisabled(auth, db, userId, change.disabled, options);
    }
    return Response.json({ user }, { headers: { "cache-control": "no-store" } });
  },
  { permission: "users.manage" },
);
