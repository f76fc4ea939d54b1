import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { API_OPERATIONS } from "@/lib/api/openapi/operations";
import { withApi } from "@/lib/server/with-api";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

let document: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 description of `/api/*`, for BI tools and scripts. */
export const GET = withApi(
  () => {
    document ??= buildOpenApiDocument(API_OPERATIONS, { version: packageJson.version });
    return Response.json(document, { headers: { "cache-control": "private, max-age=300" } });
  },
  // anyone signed in, or any token: the sign-in gate passes only /api/health unasked
  { permission: "signed-in" },
);
