import { addUserSchema } from "@/lib/api/admin-requests";
import { adminChange } from "@/lib/auth/admin-change";
import { getAuth } from "@/lib/auth/auth";
import { addLocalUser, listUsers } from "@/lib/auth/users";
import { getDatabase } from "@/lib/db";
import { parseBody } from "@/lib/server/parse-body";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Every user: role, how they sign in, disabled or not, last sign-in. */
export const GET = withApi(
  async () =>
    Response.json(
      { users: await listUsers(await getDatabase()) },
      { headers: { "cache-control": "no-store" } },
    ),
  { permission: "users.manage" },
);

/** A new local user (e-mail, name, role, password); audited. */
export const POST = withApi(
  async (request, { principal }) => {
    const input = await parseBody(request, addUserSchema);
    const user = await addLocalUser(
      await getAuth(),
      await getDatabase(),
      input,
      adminChange(principal, request),
    );
    return Response.json({ user }, { status: 201, headers: { "cache-control": "no-store" } });
  },
  { permission: "users.manage" },
);
