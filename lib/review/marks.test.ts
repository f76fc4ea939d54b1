import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { reviewMark, type Database } from "@/lib/db";
import { databaseErrorCode } from "@/lib/db/errors";
import { describeEachDatabase } from "@/testing/database/each-database";

import { listReviewMarks, putReviewMark, removeReviewMark } from "./marks";

const ANNA = { id: "user:anna", label: "anna@callboard.test" };
const BEN = { id: "user:ben", label: "ben@callboard.test" };
const at = (minute: number) => new Date(Date.UTC(2024, 5, 2, 9, minute));

describeEachDatabase("review marks", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = (await target.open()).db;
  });

  describe("one current mark per call per reviewer", () => {
    it("keeps each reviewer's own mark, replaced by their next one, and says what it replaced", async () => {
      const first = await putReviewMark(db, {
        callId: "c-1",
        reviewer: ANNA,
        mark: { status: "reviewed" },
        now: at(0),
      });
      expect(first.previous).toBeNull();
      expect(first.mark).toMatchObject({ status: "reviewed", score: null, note: null, mine: true });

      await putReviewMark(db, {
        callId: "c-1",
        reviewer: BEN,
        mark: { status: "reviewed", score: 4 },
        now: at(1),
      });
      const changed = await putReviewMark(db, {
        callId: "c-1",
        reviewer: ANNA,
        mark: { status: "flagged", score: 2, note: "  greeting skipped  " },
        now: at(2),
      });
      expect(changed.previous).toEqual({ status: "reviewed", score: null, note: null });
      expect(changed.mark).toMatchObject({
        status: "flagged",
        score: 2,
        note: "greeting skipped",
        createdAt: at(0).toISOString(),
        updatedAt: at(2).toISOString(),
      });

      const marks = await listReviewMarks(db, ["c-1", "c-1", "nobody-marked"], BEN.id);
      expect(marks.map((m) => [m.reviewerLabel, m.status, m.score, m.mine])).toEqual([
        [BEN.label, "reviewed", 4, true],
        [ANNA.label, "flagged", 2, false],
      ]);
      expect(await db.$count(reviewMark)).toBe(2);
    });

    it("removes only the reviewer's own mark", async () => {
      await putReviewMark(db, { callId: "c-2", reviewer: ANNA, mark: { status: "reviewed" } });
      await putReviewMark(db, { callId: "c-2", reviewer: BEN, mark: { status: "reviewed" } });
      expect(await removeReviewMark(db, "c-2", ANNA.id)).toEqual({
        status: "reviewed",
        score: null,
        note: null,
      });
      expect(await removeReviewMark(db, "c-2", ANNA.id)).toBeNull();
      const left = await listReviewMarks(db, ["c-2"], ANNA.id);
      expect(left.map((m) => m.reviewerId)).toEqual([BEN.id]);
    });

    it("answers nothing for no calls, and lists thousands of calls in one query", async () => {
      expect(await listReviewMarks(db, [], ANNA.id)).toEqual([]);
      const ids = Array.from({ length: 5000 }, (_, i) => `bulk-${i}`);
      await putReviewMark(db, {
        callId: "bulk-4999",
        reviewer: ANNA,
        mark: { status: "reviewed" },
      });
      const marks = await listReviewMarks(db, ids, ANNA.id);
      expect(marks.map((m) => m.callId)).toEqual(["bulk-4999"]);
    });

    it("keeps two reviewers' simultaneous marks on one call apart", async () => {
      await Promise.all(
        [ANNA, BEN].map((reviewer) =>
          putReviewMark(db, { callId: "c-3", reviewer, mark: { status: "reviewed" } }),
        ),
      );
      expect(await listReviewMarks(db, ["c-3"], ANNA.id)).toHaveLength(2);
    });
  });

  describe("the table's own checks", () => {
    const insert = (values: Partial<typeof reviewMark.$inferInsert>) =>
      db
        .insert(reviewMark)
        .values({
          callId: "raw",
          reviewerId: "user:raw",
          reviewerLabel: "raw",
          status: "reviewed",
          ...values,
        })
        .catch((error: unknown) => error);

    it.each([
      ["a score outside 1–5", { score: 6 }],
      ["an unknown status", { status: "liked" as "reviewed" }],
      ["a flag without a note", { status: "flagged" as const }],
      ["a note past 2000 characters", { note: "x".repeat(2001) }],
    ])("refuses %s", async (_what, values) => {
      expect(databaseErrorCode(await insert(values))).toBe("23514");
      const [row] = (
        await db.execute<{ n: number }>(
          sql`select count(*)::int as n from review_mark where call_id = 'raw'`,
        )
      ).rows;
      expect(row?.n).toBe(0);
    });
  });
});
