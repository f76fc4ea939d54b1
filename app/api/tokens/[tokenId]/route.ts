import { revokeDbToken } from "@/lib/auth/db-tokens";
import { getDatabase } from "@/lib/db";
import { ApiError } from "@/lib/server/api-error";
import { pathId } from "@/lib/server/path-id";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Revokes a token: from the next request on it opens nothing. Kept, so the audit trail still names it. */
export const DELETE = withApi<{ tokenId: string }>(
  async (_request, { params, audit }) => {
    const revoked = await revokeDbToken(await getDatabase(), pathId("tokenId", params.tokenId));
    if (!revoked) throw new ApiError("not_found", "there is no live token with this id");
    await audit({ action: "token.revoke", target: revoked.id, details: { name: revoked.name } });
    return Response.json({ revoked }, { headers: { "cache-control": "no-store" } });
  },
  { permission: "tokens.manage" },
);
