import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

import { user } from "./auth";
import { oneOf } from "./one-of";

/** The roles a token may act with (issue 7, §3). */
export const API_TOKEN_ROLES = ["viewer", "supervisor", "admin"] as const;
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

/**
 * Tokens that admins create for scripts and BI tools. Only the SHA-256 of a token is kept
 * (hex): the token itself is shown once, when created. A revoked token stays, so the audit
 * trail can still name it.
 */
export const apiToken = pgTable(
  "api_token",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    role: text("role", { enum: API_TOKEN_ROLES }).notNull(),
    // kept when the admin who made it is deleted
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    check("api_token_role_check", oneOf(t.role, API_TOKEN_ROLES)),
    check("api_token_hash_check", sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    index("api_token_created_by_idx").on(t.createdBy),
  ],
);
