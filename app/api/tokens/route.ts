import { createTokenSchema } from "@/lib/api/admin-requests";
import { authConfig } from "@/lib/auth/config";
import { createDbToken } from "@/lib/auth/db-tokens";
import { principalSubject } from "@/lib/auth/principal";
import { tokensView } from "@/lib/auth/tokens-view";
import { getDatabase } from "@/lib/db";
import { parseBody } from "@/lib/server/parse-body";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The database's tokens (name, role, creator, created, last used, revoked) and the environment's. */
export const GET = withApi(
  async () =>
    Response.json(await tokensView(await getDatabase(), authConfig()), {
      headers: { "cache-control": "no-store" },
    }),
  { permission: "tokens.manage" },
);

/** A new token: the answer is the only time its value is shown. */
export const POST = withApi(
  async (request, { principal, audit }) => {
    const input = await parseBody(request, createTokenSchema);
    const name = input.name.trim();
    const createdBy = principal.kind === "user" ? principalSubject(principal) : null;
    const { token, summary } = await createDbToken(await getDatabase(), {
      name,
      role: input.role,
      createdBy,
    });
    await audit({
      action: "token.create",
      target: summary.id,
      details: { name, role: input.role },
    });
    return Response.json(
      { token, summary: { ...summary, createdBy: principal.label } },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  },
  { permission: "tokens.manage" },
);
