import "server-only";

import type * as z from "zod/mini";

import { badParameter } from "./api-error";
import { readJsonBody } from "./json-body";

/** A JSON body checked by a schema; a wrong field becomes a 400 naming it. */
export async function parseBody<T>(request: Request, schema: z.ZodMiniType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonBody(request));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = issue?.path.length ? issue.path.map(String).join(".") : "body";
  throw badParameter(param, issue?.message ?? "is not valid");
}
