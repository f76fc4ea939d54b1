import { getUpstream } from "@/lib/server/upstream";

export const dynamic = "force-dynamic";

/** Liveness and mode; says nothing about the account. */
export function GET(): Response {
  return Response.json({ ok: true, mode: getUpstream().mode });
}
