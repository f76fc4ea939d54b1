import { ApiError } from "@/lib/server/api-error";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";

/**
 * Any /api path without a route answers in the API's envelope, not with the HTML 404 page:
 * API responses carry a CSP that loads nothing, so that page would arrive broken.
 */
const notFound = withApi(
  (request) => {
    const { pathname } = new URL(request.url);
    throw new ApiError("not_found", `there is no API route at ${pathname}`);
  },
  // only someone signed in learns which paths are not routes
  { permission: "signed-in" },
);

export {
  notFound as DELETE,
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};
