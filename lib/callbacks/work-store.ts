import "server-only";

import { and, asc, eq, gte, inArray, lt, ne, or, sql } from "drizzle-orm";

import {
  MAX_MISSED_IDS,
  type CallbackAssignee,
  type CallbackRowRef,
  type CallbackWork,
} from "@/lib/api/callbacks";
import type { Principal } from "@/lib/auth/principal";
import { can, isRole } from "@/lib/auth/roles";
import { callbackNote, callbackWork, user, type Database } from "@/lib/db";
import { badParameter } from "@/lib/server/api-error";

import type { CallbackWorkState } from "./work-states";

/**
 * The worklist's work in the database: read for a range, changed one row at a time. A row
 * is created by the first change to it; its number and first miss are kept as the page
 * sent them (the key ties them together). Pure of HTTP: the routes audit what changed.
 */

type WorkRow = typeof callbackWork.$inferSelect;
type NoteRow = typeof callbackNote.$inferSelect;
type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

function toWork(row: WorkRow, notes: readonly NoteRow[]): CallbackWork {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    key: row.key,
    number: row.number,
    firstMissedAt: row.firstMissedAt.toISOString(),
    missedIds: row.missedIds,
    state: row.state,
    stateAt: iso(row.stateAt),
    stateBy: row.stateByLabel,
    assignee:
      row.assigneeId !== null ? { id: row.assigneeId, label: row.assigneeLabel ?? "" } : null,
    assignedAt: iso(row.assignedAt),
    assignedBy: row.assignedByLabel,
    notes: notes.map((n) => ({
      id: n.id,
      text: n.body,
      by: n.authorLabel,
      at: n.at.toISOString(),
    })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function withNotes(
  db: Database | Transaction,
  rows: readonly WorkRow[],
): Promise<CallbackWork[]> {
  if (rows.length === 0) return [];
  const notes = await db
    .select()
    .from(callbackNote)
    .where(
      inArray(
        callbackNote.workKey,
        rows.map((r) => r.key),
      ),
    )
    .orderBy(asc(callbackNote.at), asc(callbackNote.id));
  const byKey = new Map<string, NoteRow[]>();
  for (const note of notes) {
    const list = byKey.get(note.workKey);
    if (list) list.push(note);
    else byKey.set(note.workKey, [note]);
  }
  return rows.map((row) => toWork(row, byKey.get(row.key) ?? []));
}

export const MAX_WORK_ROWS = 5_000;

/**
 * The work a view of [from, to) may show: rows whose episode began in it, and rows begun up
 * to `lookBackMs` before it that were still open at its start (the view's first miss of
 * that caller is then a later one; the page matches them by number).
 */
export async function listCallbackWork(
  db: Database,
  range: { from: Date; to: Date; lookBackMs: number },
): Promise<CallbackWork[]> {
  const earliest = new Date(range.from.getTime() - range.lookBackMs);
  const rows = await db
    .select()
    .from(callbackWork)
    .where(
      and(
        gte(callbackWork.firstMissedAt, earliest),
        lt(callbackWork.firstMissedAt, range.to),
        or(
          gte(callbackWork.firstMissedAt, range.from),
          eq(callbackWork.state, "open"),
          gte(callbackWork.stateAt, range.from),
        ),
      ),
    )
    .orderBy(asc(callbackWork.firstMissedAt), asc(callbackWork.key))
    .limit(MAX_WORK_ROWS);
  return withNotes(db, rows);
}

export async function getCallbackWork(
  db: Database | Transaction,
  key: string,
): Promise<CallbackWork | null> {
  const rows = await db.select().from(callbackWork).where(eq(callbackWork.key, key));
  const [work] = await withNotes(db, rows);
  return work ?? null;
}

/**
 * The row, created if it is not there yet (a change to a row nobody has touched), its misses
 * the union of those known and those the page sees now (the key's own first).
 */
async function ensureRow(db: Database | Transaction, ref: CallbackRowRef): Promise<WorkRow> {
  const own = ref.key.slice(ref.number.length + 1);
  await db
    .insert(callbackWork)
    .values({
      key: ref.key,
      number: ref.number,
      firstMissedAt: new Date(ref.firstMissedAt),
      missedIds: [own],
    })
    .onConflictDoNothing({ target: callbackWork.key });
  const [row] = await db
    .select()
    .from(callbackWork)
    .where(eq(callbackWork.key, ref.key))
    .for("update");
  if (!row) throw new Error("unreachable: the row was just written");
  if (row.number !== ref.number) {
    throw badParameter("number", "is not the number this row was first saved with");
  }
  const known = new Set(row.missedIds);
  const added = ref.missedIds.filter((id) => !known.has(id));
  if (added.length === 0 || known.size >= MAX_MISSED_IDS) return row;
  const missedIds = [...row.missedIds, ...added].slice(0, MAX_MISSED_IDS);
  await db.update(callbackWork).set({ missedIds }).where(eq(callbackWork.key, ref.key));
  return { ...row, missedIds };
}

/** Users whose role may work callbacks and who are not disabled: who a row can be given to. */
export async function listCallbackAssignees(db: Database): Promise<CallbackAssignee[]> {
  const rows = await db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role })
    .from(user)
    .where(or(ne(user.banned, true), sql`${user.banned} is null`))
    .orderBy(asc(user.name), asc(user.email));
  return rows
    .filter((r) => isRole(r.role) && can(r.role, "callbacks.work"))
    .map((r) => ({ id: `user:${r.id}`, label: r.name ? `${r.name} (${r.email})` : r.email }));
}

export interface WorkChange {
  action: "callback.assign" | "callback.state";
  details: Record<string, unknown>;
}

/**
 * Applies an assignment and/or a state to a row (creating it), as `by`: the new work and
 * what changed, for the audit trail (nothing when the row already was so).
 */
export async function changeCallbackWork(
  db: Database,
  input: CallbackRowRef & {
    /** Already resolved: the assignee's principal id and label, or null to unassign. */
    assignee?: CallbackAssignee | null;
    state?: CallbackWorkState;
  },
  by: Principal,
): Promise<{ work: CallbackWork; changes: WorkChange[] }> {
  return db.transaction(async (tx) => {
    const row = await ensureRow(tx, input);
    const changes: WorkChange[] = [];
    const set: Partial<WorkRow> = {};
    const now = new Date();
    if (input.assignee !== undefined && (input.assignee?.id ?? null) !== row.assigneeId) {
      Object.assign(set, {
        assigneeId: input.assignee?.id ?? null,
        assigneeLabel: input.assignee?.label ?? null,
        assignedAt: now,
        assignedByLabel: by.label,
      });
      changes.push({
        action: "callback.assign",
        details: { from: row.assigneeLabel, to: input.assignee?.label ?? null },
      });
    }
    if (input.state !== undefined && input.state !== row.state) {
      Object.assign(set, { state: input.state, stateAt: now, stateByLabel: by.label });
      changes.push({ action: "callback.state", details: { from: row.state, to: input.state } });
    }
    if (changes.length > 0) {
      await tx
        .update(callbackWork)
        .set({ ...set, updatedAt: now })
        .where(eq(callbackWork.key, input.key));
    }
    const work = await getCallbackWork(tx, input.key);
    if (!work) throw new Error("unreachable: the row was just written");
    return { work, changes };
  });
}

/** Appends a note to a row (creating the row), written by `by`. */
export async function addCallbackNote(
  db: Database,
  input: CallbackRowRef & { text: string },
  by: Principal,
): Promise<CallbackWork> {
  return db.transaction(async (tx) => {
    await ensureRow(tx, input);
    const now = new Date();
    await tx.insert(callbackNote).values({
      workKey: input.key,
      body: input.text.trim(),
      authorId: by.id,
      authorLabel: by.label,
      at: now,
    });
    await tx.update(callbackWork).set({ updatedAt: now }).where(eq(callbackWork.key, input.key));
    const work = await getCallbackWork(tx, input.key);
    if (!work) throw new Error("unreachable: the row was just written");
    return work;
  });
}
