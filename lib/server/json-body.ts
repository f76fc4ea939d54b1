import "server-only";

import { ApiError, badParameter } from "./api-error";

/** Enough for any form Callboard has; beyond it a body is refused unread. */
const MAX_BODY_BYTES = 64 * 1024;

/** A request's JSON body, or a 400 that says what is wrong with it. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw badParameter("content-type", "must be application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES)
    throw new ApiError("bad_parameter", `the body must be at most ${MAX_BODY_BYTES} bytes`, {
      param: "body",
    });
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) {
    throw new ApiError("bad_parameter", `the body must be at most ${MAX_BODY_BYTES} bytes`, {
      param: "body",
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badParameter("body", "must be valid JSON");
  }
}
