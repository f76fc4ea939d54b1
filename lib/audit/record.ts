import "server-only";

import { clientAddress } from "@/lib/auth/peer-address";
import { principalSubject, type Principal } from "@/lib/auth/principal";
import { auditEvent, type AuditActorKind, type Database } from "@/lib/db";

import type { AuditAction } from "./actions";

/**
 * Appends one entry to the audit trail: who (the actor's id, a label a person reads, its
 * kind), when (the database's clock), from where (address, user agent), what (the action,
 * its target, details). Entries are never edited (the table refuses it).
 */
export interface AuditActor {
  kind: AuditActorKind;
  id: string | null;
  label: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  /** A call id, user id or token id. */
  target?: string | null;
  /** Never a secret: filters, counts, a role change. */
  details?: Record<string, unknown>;
  /** Where the request came from; omitted for the command line. */
  from?: Headers;
  at?: Date;
}

const MAX_TEXT = 512;

/** The actor an entry names for a principal (a demo visitor is nobody in particular). */
export function actorOf(principal: Principal | null): AuditActor {
  if (!principal || principal.kind === "demo-visitor") {
    return { kind: "anonymous", id: null, label: principal ? "demo visitor" : null };
  }
  return { kind: principal.kind, id: principalSubject(principal), label: principal.label };
}

export const ANONYMOUS: AuditActor = { kind: "anonymous", id: null, label: null };

export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  const userAgent = entry.from?.get("user-agent")?.slice(0, MAX_TEXT) ?? null;
  await db.insert(auditEvent).values({
    ...(entry.at ? { at: entry.at } : {}),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label?.slice(0, MAX_TEXT) ?? null,
    action: entry.action,
    target: entry.target?.slice(0, MAX_TEXT) ?? null,
    details: entry.details ?? null,
    ip: entry.from ? (clientAddress(entry.from) ?? null) : null,
    userAgent,
  });
}
