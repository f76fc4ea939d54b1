import "server-only";

import { actorOf, recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";
import { createServerLog } from "@/lib/server/log";

import { touchDbToken } from "./db-tokens";
import type { Principal } from "./principal";

/**
 * A token's use: its last-used time on every request (database tokens in their row, the
 * environment's in this process's memory), and an audit entry at most once a minute per
 * token (a BI tool polling every second would otherwise drown the trail).
 */
const AUDIT_EVERY_MS = 60_000;

const slot = Symbol.for("callboard.token-use");
const registry = globalThis as {
  [slot]?: { audited: Map<string, number>; envLastUsed: Map<string, Date> };
};
const state = (registry[slot] ??= {
  audited: new Map<string, number>(),
  envLastUsed: new Map<string, Date>(),
});

/** When each environment token was last used since this process started. */
export function envTokenLastUsed(label: string): Date | undefined {
  return state.envLastUsed.get(label);
}

export function noteTokenUse(
  db: Database,
  principal: Principal,
  request: { headers: Headers; method?: string; path?: string },
  dbTokenId: string | undefined,
  now = Date.now(),
): void {
  const log = createServerLog();
  if (dbTokenId) {
    void touchDbToken(db, dbTokenId, new Date(now)).catch((error: unknown) =>
      log.warn(`[auth] could not record a token's last use: ${String(error)}`),
    );
  } else {
    state.envLastUsed.set(principal.label, new Date(now));
  }
  const last = state.audited.get(principal.id);
  if (last !== undefined && now - last < AUDIT_EVERY_MS) return;
  state.audited.set(principal.id, now);
  void recordAudit(db, {
    actor: actorOf(principal),
    action: "token.use",
    target: dbTokenId ?? null,
    details: { method: request.method, path: request.path, role: principal.role },
    from: request.headers,
  }).catch((error: unknown) => log.warn(`[auth] could not audit a token's use: ${String(error)}`));
}
