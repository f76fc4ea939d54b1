import "server-only";

import { randomUUID } from "node:crypto";
import { and, asc, count, eq, or, sql } from "drizzle-orm";

import type { ChangeView, CreateView, SavedView, SavedViews } from "@/lib/api/saved-views";
import { databaseErrorCode, savedView, userPreference, type Database } from "@/lib/db";
import { ApiError } from "@/lib/server/api-error";

import { canChangeView, canSeeView, ownerKey, VISITOR_CANNOT_SAVE, type Asker } from "./access";
import { savedViewUrl } from "./view-url";

/** Saved views in Callboard's database (issue 9, §5); the rules are in access.ts. */

/** So one person cannot fill the menu (and the database) without end. */
export const MAX_VIEWS_PER_OWNER = 200;

type ViewRow = typeof savedView.$inferSelect;

function toSavedView(row: ViewRow, asker: Asker): SavedView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    shared: row.shared,
    owner: { label: row.ownerLabel, you: row.ownerId === ownerKey(asker) },
    canChange: canChangeView(row, asker),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function requireOwner(asker: Asker): string {
  const owner = ownerKey(asker);
  if (owner === null) throw new ApiError("forbidden", VISITOR_CANNOT_SAVE);
  return owner;
}

function normalizedUrl(url: string): string {
  const result = savedViewUrl(url);
  if (!result.ok) throw new ApiError("bad_parameter", `url: ${result.message}`, { param: "url" });
  return result.value;
}

const nameTaken = (name: string) =>
  new ApiError(
    "conflict",
    `you already have a view named “${name}”: choose another name (names are unique per person, whatever their case)`,
  );

/** Runs a write that may collide with the owner's other names; the collision becomes a 409. */
async function unique<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (databaseErrorCode(error) === "23505") throw nameTaken(name);
    throw error;
  }
}

/** The asker's views and everyone's shared ones, each by name, and what `/` opens for them. */
export async function listViews(db: Database, asker: Asker): Promise<SavedViews> {
  const owner = ownerKey(asker);
  const rows = await db
    .select()
    .from(savedView)
    .where(
      owner === null
        ? eq(savedView.shared, true)
        : or(eq(savedView.ownerId, owner), eq(savedView.shared, true)),
    )
    .orderBy(asc(sql`lower(${savedView.name})`), asc(savedView.createdAt));
  const views = rows.map((row) => toSavedView(row, asker));
  const preferences = owner === null ? undefined : await preferenceRow(db, owner);
  const defaultId = preferences?.defaultViewId ?? null;
  return {
    mine: views.filter((v) => v.owner.you),
    shared: views.filter((v) => !v.owner.you),
    // a default that stopped being shared with them opens nothing
    defaultViewId: views.some((v) => v.id === defaultId) ? defaultId : null,
    canSave: owner !== null,
  };
}

const notFound = () =>
  new ApiError("not_found", "there is no saved view with this id that you may open");

/** A view by id as the asker may know of it: another's personal view is not there for them, unless they are an admin. */
async function findView(db: Database, asker: Asker, id: string): Promise<ViewRow> {
  const [row] = await db.select().from(savedView).where(eq(savedView.id, id));
  if (!row || (!canSeeView(row, asker) && !canChangeView(row, asker))) throw notFound();
  return row;
}

async function findChangeable(db: Database, asker: Asker, id: string): Promise<ViewRow> {
  requireOwner(asker);
  const row = await findView(db, asker, id);
  if (!canChangeView(row, asker)) {
    throw new ApiError(
      "forbidden",
      `the view “${row.name}” is ${row.ownerLabel}'s: only its owner or an admin may rename, re-share or delete it`,
    );
  }
  return row;
}

export async function createView(
  db: Database,
  asker: Asker,
  input: CreateView,
): Promise<SavedView> {
  const owner = requireOwner(asker);
  const name = input.name.trim();
  const url = normalizedUrl(input.url);
  const [held] = await db
    .select({ n: count() })
    .from(savedView)
    .where(eq(savedView.ownerId, owner));
  if ((held?.n ?? 0) >= MAX_VIEWS_PER_OWNER) {
    throw new ApiError(
      "conflict",
      `you have ${MAX_VIEWS_PER_OWNER} saved views, as many as one person may keep: delete some first`,
    );
  }
  const row = await unique(name, async () => {
    const [inserted] = await db
      .insert(savedView)
      .values({
        id: randomUUID(),
        ownerId: owner,
        ownerLabel: asker.label,
        name,
        url,
        shared: input.shared ?? false,
      })
      .returning();
    if (!inserted) throw new Error("the view was not stored");
    return inserted;
  });
  if (input.makeDefault) await writePreference(db, owner, { defaultViewId: row.id });
  return toSavedView(row, asker);
}

/** Renames, re-shares or replaces a view; the answer has it before and after (for the audit trail). */
export async function changeView(
  db: Database,
  asker: Asker,
  id: string,
  change: ChangeView,
): Promise<{ before: SavedView; after: SavedView }> {
  const row = await findChangeable(db, asker, id);
  const name = change.name?.trim() ?? row.name;
  const [updated] = await unique(name, () =>
    db
      .update(savedView)
      .set({
        name,
        shared: change.shared ?? row.shared,
        url: change.url === undefined ? row.url : normalizedUrl(change.url),
        updatedAt: sql`now()`,
      })
      .where(eq(savedView.id, id))
      .returning(),
  );
  if (!updated) throw new ApiError("not_found", "the saved view was deleted meanwhile");
  // someone whose default it was and who may no longer see it falls back to /calls (listViews)
  return { before: toSavedView(row, asker), after: toSavedView(updated, asker) };
}

export async function deleteView(db: Database, asker: Asker, id: string): Promise<SavedView> {
  const row = await findChangeable(db, asker, id);
  // anyone's default that pointed at it is cleared by the foreign key (on delete set null)
  await db.delete(savedView).where(eq(savedView.id, id));
  return toSavedView(row, asker);
}

/** The URL `/` opens for the asker: their default view while they may still open it. */
export async function defaultViewUrl(db: Database, asker: Asker): Promise<string | null> {
  const owner = ownerKey(asker);
  if (owner === null) return null;
  const [row] = await db
    .select({ url: savedView.url })
    .from(userPreference)
    .innerJoin(savedView, eq(savedView.id, userPreference.defaultViewId))
    .where(
      and(
        eq(userPreference.principalId, owner),
        or(eq(savedView.ownerId, owner), eq(savedView.shared, true)),
      ),
    );
  return row?.url ?? null;
}

async function preferenceRow(db: Database, owner: string) {
  const [row] = await db.select().from(userPreference).where(eq(userPreference.principalId, owner));
  return row;
}

export interface PreferenceValues {
  timeZone: string | null;
  defaultViewId: string | null;
}

export async function readPreferences(db: Database, asker: Asker): Promise<PreferenceValues> {
  const owner = ownerKey(asker);
  const row = owner === null ? undefined : await preferenceRow(db, owner);
  return { timeZone: row?.timeZone ?? null, defaultViewId: row?.defaultViewId ?? null };
}

async function writePreference(
  db: Database,
  owner: string,
  change: Partial<PreferenceValues>,
): Promise<void> {
  await db
    .insert(userPreference)
    .values({ principalId: owner, ...change })
    .onConflictDoUpdate({
      target: userPreference.principalId,
      set: { ...change, updatedAt: sql`now()` },
    });
}

/** Sets the display zone and/or the default view (one the asker may open). */
export async function changePreferences(
  db: Database,
  asker: Asker,
  change: Partial<PreferenceValues>,
): Promise<PreferenceValues> {
  const owner = requireOwner(asker);
  if (change.defaultViewId) {
    // an admin may change another's personal view, but it is not theirs to open at `/`
    const row = await findView(db, asker, change.defaultViewId);
    if (!canSeeView(row, asker)) throw notFound();
  }
  await writePreference(db, owner, change);
  return readPreferences(db, asker);
}
