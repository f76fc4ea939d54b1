import "server-only";

import { and, asc, eq, inArray } from "drizzle-orm";

import type { PutReviewMark, ReviewMark } from "@/lib/api/review";
import { reviewMark, type Database } from "@/lib/db";

import type { ReviewStatus } from "./vocabulary";

/**
 * The review queue's marks in the database: one current mark per call per reviewer. Putting
 * a mark replaces the reviewer's own (never anyone else's) and says what it replaced, so the
 * route can write the change — the history — to the audit trail.
 */

export interface Reviewer {
  /** The principal's id (`user:…`, `token:…`, `demo-visitor`). */
  id: string;
  label: string;
}

type Row = typeof reviewMark.$inferSelect;

/** What a mark was before a change, as the audit trail keeps it. */
export interface MarkState {
  status: ReviewStatus;
  score: number | null;
  note: string | null;
}

function toMark(row: Row, askerId: string): ReviewMark {
  return {
    callId: row.callId,
    reviewerId: row.reviewerId,
    reviewerLabel: row.reviewerLabel,
    mine: row.reviewerId === askerId,
    status: row.status,
    score: row.score,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function stateOf(row: Pick<Row, "status" | "score" | "note">): MarkState {
  return { status: row.status, score: row.score, note: row.note };
}

/** Every reviewer's mark on these calls, oldest change first (the asker's flagged as theirs). */
export async function listReviewMarks(
  db: Database,
  callIds: readonly string[],
  askerId: string,
): Promise<ReviewMark[]> {
  const unique = [...new Set(callIds)];
  if (unique.length === 0) return [];
  const rows = await db
    .select()
    .from(reviewMark)
    .where(inArray(reviewMark.callId, unique))
    .orderBy(asc(reviewMark.updatedAt), asc(reviewMark.reviewerId));
  return rows.map((row) => toMark(row, askerId));
}

/** A blank note is no note; a note keeps its words as typed, without the edges' spaces. */
function cleanNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim();
  return trimmed ? trimmed : null;
}

/** Sets the reviewer's mark on a call (replacing theirs); the mark and what it was before. */
export async function putReviewMark(
  db: Database,
  input: { callId: string; reviewer: Reviewer; mark: PutReviewMark; now?: Date },
): Promise<{ mark: ReviewMark; previous: MarkState | null }> {
  const now = input.now ?? new Date();
  const values = {
    status: input.mark.status,
    score: input.mark.score ?? null,
    note: cleanNote(input.mark.note),
  };
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: reviewMark.status, score: reviewMark.score, note: reviewMark.note })
      .from(reviewMark)
      .where(mine(input.callId, input.reviewer.id))
      .for("update");
    const [row] = await tx
      .insert(reviewMark)
      .values({
        callId: input.callId,
        reviewerId: input.reviewer.id,
        reviewerLabel: input.reviewer.label,
        ...values,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [reviewMark.callId, reviewMark.reviewerId],
        set: { ...values, reviewerLabel: input.reviewer.label, updatedAt: now },
      })
      .returning();
    if (!row) throw new Error("the mark was not stored");
    return { mark: toMark(row, input.reviewer.id), previous: before ? stateOf(before) : null };
  });
}

/** Removes the reviewer's own mark on a call; what it was, or null when they had none. */
export async function removeReviewMark(
  db: Database,
  callId: string,
  reviewerId: string,
): Promise<MarkState | null> {
  const [row] = await db
    .delete(reviewMark)
    .where(mine(callId, reviewerId))
    .returning({ status: reviewMark.status, score: reviewMark.score, note: reviewMark.note });
  return row ? stateOf(row) : null;
}

function mine(callId: string, reviewerId: string) {
  return and(eq(reviewMark.callId, callId), eq(reviewMark.reviewerId, reviewerId));
}
