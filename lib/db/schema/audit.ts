import { bigint, check, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

import { oneOf } from "./one-of";

/** Who acted: a signed-in user, an API token, a user named by the auth proxy, or nobody. */
export const AUDIT_ACTOR_KINDS = ["user", "token", "proxy", "anonymous"] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/**
 * The audit trail (issue 7, §5): append-only. A trigger (migration 0001) refuses UPDATE,
 * and DELETE except inside `purgeAuditEventsBefore` (retention). The actor's label is
 * copied in, so an entry still reads right after the user or token is gone.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // user id, token id, or the proxy's user name; null when anonymous
    actorId: text("actor_id"),
    // what a person reads: e-mail, token name, proxy user
    actorLabel: text("actor_label"),
    actorKind: text("actor_kind", { enum: AUDIT_ACTOR_KINDS }).notNull(),
    // e.g. "sign-in", "sign-in.failed", "recording.play", "export.csv", "token.create"
    action: text("action").notNull(),
    // what was acted on: a call id, a user id, a token id
    target: text("target"),
    // e.g. an export's filters; never a secret
    details: jsonb("details").$type<Record<string, unknown>>(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    check("audit_event_actor_kind_check", oneOf(t.actorKind, AUDIT_ACTOR_KINDS)),
    index("audit_event_at_idx").on(t.at),
    index("audit_event_actor_at_idx").on(t.actorId, t.at),
    index("audit_event_action_at_idx").on(t.action, t.at),
    index("audit_event_target_at_idx").on(t.target, t.at),
  ],
);
