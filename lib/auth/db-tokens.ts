import "server-only";

import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";

import { apiToken, user, type Database } from "@/lib/db";

import type { Role } from "./roles";

/**
 * API tokens admins create (/admin/tokens): 32 random bytes shown once, kept only as their
 * SHA-256 (hex), named, with a role, revocable, with the time they were last used.
 */
export const TOKEN_PREFIX = "cbt_";

export interface DbTokenSummary {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** `cbt_` + 43 base64url characters (256 bits). */
export function generateApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export async function createDbToken(
  db: Database,
  input: { name: string; role: Role; createdBy: string | null },
): Promise<{ token: string; summary: DbTokenSummary }> {
  const token = generateApiToken();
  const [row] = await db
    .insert(apiToken)
    .values({
      id: randomUUID(),
      name: input.name,
      role: input.role,
      tokenHash: tokenHash(token),
      createdBy: input.createdBy,
    })
    .returning({
      id: apiToken.id,
      name: apiToken.name,
      role: apiToken.role,
      createdAt: apiToken.createdAt,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    });
  if (!row) throw new Error("the token was not stored");
  // the hash stays in the database: the answer names the token, it does not describe it
  return { token, summary: { ...row, createdBy: null } };
}

export async function listDbTokens(db: Database): Promise<DbTokenSummary[]> {
  const rows = await db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      role: apiToken.role,
      createdAt: apiToken.createdAt,
      createdBy: user.email,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .leftJoin(user, eq(user.id, apiToken.createdBy))
    .orderBy(desc(apiToken.createdAt));
  return rows;
}

/** Revokes a live token; undefined when there is none with that id (or it was revoked before). */
export async function revokeDbToken(
  db: Database,
  id: string,
  now = new Date(),
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .update(apiToken)
    .set({ revokedAt: now })
    .where(and(eq(apiToken.id, id), isNull(apiToken.revokedAt)))
    .returning({ id: apiToken.id, name: apiToken.name });
  return row;
}

/** The live token a presented value is (looked up by its hash), if any. */
export async function findDbToken(
  db: Database,
  presented: string,
): Promise<{ id: string; name: string; role: Role } | undefined> {
  if (!presented.startsWith(TOKEN_PREFIX)) return undefined;
  const [row] = await db
    .select({ id: apiToken.id, name: apiToken.name, role: apiToken.role })
    .from(apiToken)
    .where(and(eq(apiToken.tokenHash, tokenHash(presented)), isNull(apiToken.revokedAt)))
    .limit(1);
  return row;
}

export async function touchDbToken(db: Database, id: string, at = new Date()): Promise<void> {
  await db.update(apiToken).set({ lastUsedAt: at }).where(eq(apiToken.id, id));
}
