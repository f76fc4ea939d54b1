import "server-only";

import { desc, eq, max, sql } from "drizzle-orm";
import * as z from "zod";

import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { account, auditEvent, user, type Database } from "@/lib/db";
import { ApiError, badParameter } from "@/lib/server/api-error";

import { localUsersChanged } from "./access-state";
import type { CallboardAuth } from "./better-auth";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";
import { isRole, type Role } from "./roles";

/**
 * Callboard's users, for the admin page and `npm run users`: add local users, disable and
 * enable anyone, re-role local users (a single sign-on user's role comes from their groups
 * at each sign-in). Every change is audited; every refusal is an ApiError with a sentence.
 */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role | null;
  disabled: boolean;
  /** How they sign in: with a password here, through the identity provider, or both. */
  signIn: { password: boolean; sso: boolean };
  createdAt: Date;
  lastSignInAt: Date | null;
}

export interface ChangeOptions {
  /** Who is changing it, for the audit trail. */
  actor: AuditActor;
  /** "admin page" or "command line". */
  source: string;
  from?: Headers;
}

const emailSchema = z.email();

export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success || email.length > 320) {
    throw badParameter("email", "must be an e-mail address such as maya@example.com");
  }
  return email;
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badParameter("password", `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw badParameter("password", `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  }
}

export async function listUsers(db: Database): Promise<UserSummary[]> {
  const lastSignIns = db
    .select({ actorId: auditEvent.actorId, at: max(auditEvent.at).as("last_at") })
    .from(auditEvent)
    .where(eq(auditEvent.action, "sign-in"))
    .groupBy(auditEvent.actorId)
    .as("last_sign_in");
  const rows = await db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      banned: user.banned,
      createdAt: user.createdAt,
      password: sql<boolean>`bool_or(${account.providerId} = 'credential')`,
      sso: sql<boolean>`bool_or(${account.providerId} <> 'credential')`,
      lastSignInAt: sql<Date | null>`max(${lastSignIns.at})`.mapWith(user.createdAt),
    })
    .from(user)
    .leftJoin(account, eq(account.userId, user.id))
    .leftJoin(lastSignIns, eq(lastSignIns.actorId, user.id))
    .groupBy(user.id)
    .orderBy(desc(user.createdAt));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: isRole(r.role) ? r.role : null,
    disabled: r.banned === true,
    signIn: { password: r.password === true, sso: r.sso === true },
    createdAt: r.createdAt,
    lastSignInAt: r.lastSignInAt,
  }));
}

/** Users who can sign in with a password (the "local users" sign-in method). */
export async function countLocalUsers(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${account.userId})::int` })
    .from(account)
    .where(eq(account.providerId, "credential"));
  return row?.n ?? 0;
}

async function findUser(db: Database, id: string): Promise<UserSummary> {
  const found = (await listUsers(db)).find((u) => u.id === id);
  if (!found) throw new ApiError("not_found", "there is no user with this id");
  return found;
}

export async function findUserByEmail(db: Database, email: string): Promise<UserSummary> {
  const wanted = normalizeEmail(email);
  const found = (await listUsers(db)).find((u) => u.email === wanted);
  if (!found) throw new ApiError("not_found", `there is no user ${wanted}`);
  return found;
}

export async function addLocalUser(
  auth: CallboardAuth,
  db: Database,
  input: { email: string; name?: string; role: Role; password: string },
  change: ChangeOptions,
): Promise<UserSummary> {
  const email = normalizeEmail(input.email);
  checkPassword(input.password);
  const name = (input.name?.trim() || email.split("@")[0]) ?? email;
  if (name.length > 200) throw badParameter("name", "must be at most 200 characters");
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (existing) throw new ApiError("conflict", `${email} is already a user`, { param: "email" });
  const created = await auth.api.createUser({
    // an address an administrator vouches for: single sign-on with it links to this user
    body: {
      email,
      password: input.password,
      name,
      role: input.role,
      data: { emailVerified: true },
    },
  });
  localUsersChanged();
  await recordAudit(db, {
    actor: change.actor,
    action: "user.create",
    target: created.user.id,
    details: { email, role: input.role, source: change.source },
    from: change.from,
  });
  return findUser(db, created.user.id);
}

export async function setUserRole(
  auth: CallboardAuth,
  db: Database,
  id: string,
  role: Role,
  change: ChangeOptions & { self?: string },
): Promise<UserSummary> {
  const target = await findUser(db, id);
  if (!target.signIn.password) {
    throw new ApiError(
      "conflict",
      `${target.email} signs in with single sign-on: their role comes from their groups at each sign-in`,
      { param: "role" },
    );
  }
  if (change.self === id && role !== "admin") {
    throw new ApiError(
      "conflict",
      "you cannot take the admin role from yourself; ask another admin",
    );
  }
  if (target.role === role) return target;
  const context = await auth.$context;
  await context.internalAdapter.updateUser(id, { role });
  await recordAudit(db, {
    actor: change.actor,
    action: "user.role",
    target: id,
    details: { email: target.email, from: target.role, to: role, source: change.source },
    from: change.from,
  });
  return findUser(db, id);
}

export async function setUserDisabled(
  auth: CallboardAuth,
  db: Database,
  id: string,
  disabled: boolean,
  change: ChangeOptions & { self?: string },
): Promise<UserSummary> {
  const target = await findUser(db, id);
  if (change.self === id && disabled) {
    throw new ApiError("conflict", "you cannot disable yourself; ask another admin", {
      param: "self",
    });
  }
  if (target.disabled === disabled) return target;
  const context = await auth.$context;
  if (disabled) {
    await context.internalAdapter.updateUser(id, {
      banned: true,
      banReason: `disabled (${change.source})`,
    });
    // their sessions end at once, not when they next expire
    await context.internalAdapter.deleteUserSessions(id);
  } else {
    await context.internalAdapter.updateUser(id, {
      banned: false,
      banReason: null,
      banExpires: null,
    });
  }
  await recordAudit(db, {
    actor: change.actor,
    action: disabled ? "user.disable" : "user.enable",
    target: id,
    details: { email: target.email, source: change.source },
    from: change.from,
  });
  return findUser(db, id);
}
