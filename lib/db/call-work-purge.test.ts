import { asc } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { describeEachDatabase } from "@/testing/database/each-database";

import { purgeCallWorkBefore } from "./call-work-purge";
import type { Database } from "./database";
import { callbackNote, callbackWork, reviewMark } from "./schema";

describeEachDatabase("retention of review marks and callback work", (target) => {
  let db: Database;
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  beforeAll(async () => {
    db = (await target.open()).db;
    await db.insert(reviewMark).values(
      ["2024-01-01", "2024-05-01"].map((d) => ({
        callId: `c-${d}`,
        reviewerId: "user:u-sup",
        reviewerLabel: "Eli Sup",
        status: "reviewed" as const,
        createdAt: day(d),
        updatedAt: day(d),
      })),
    );
    await db.insert(callbackWork).values(
      ["2024-02-01", "2024-06-01"].map((d) => ({
        key: `0501234567|m-${d}`,
        number: "0501234567",
        firstMissedAt: day(d),
        // changed recently, but the episode's calls are older than the cut
        updatedAt: day("2024-06-02"),
      })),
    );
    await db.insert(callbackNote).values([
      { workKey: "0501234567|m-2024-02-01", body: "no answer", authorLabel: "Eli Sup" },
      { workKey: "0501234567|m-2024-06-01", body: "call Tuesday", authorLabel: "Eli Sup" },
    ]);
  });

  it("deletes marks and episodes older than the cut, notes with their work, and counts them", async () => {
    expect(await purgeCallWorkBefore(db, day("2024-04-01"))).toBe(2);
    expect(await db.select({ id: reviewMark.callId }).from(reviewMark)).toEqual([
      { id: "c-2024-05-01" },
    ]);
    expect(await db.select({ key: callbackWork.key }).from(callbackWork)).toEqual([
      { key: "0501234567|m-2024-06-01" },
    ]);
    expect(
      await db.select({ body: callbackNote.body }).from(callbackNote).orderBy(asc(callbackNote.id)),
    ).toEqual([{ body: "call Tuesday" }]);
    expect(await purgeCallWorkBefore(db, day("2024-04-01"))).toBe(0);
  });
});
