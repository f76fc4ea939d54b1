import { describe, expect, it } from "vitest";

import type { ReviewMark } from "@/lib/api/review";

import { marksByCall, reviewQueue } from "./queue";

const STOPS = ["c1", "c2", "c3", "c4", "c5"];

function mark(callId: string, reviewer: string, status: ReviewMark["status"], mine = false) {
  return {
    callId,
    reviewerId: `user:${reviewer}`,
    reviewerLabel: `${reviewer}@callboard.test`,
    mine,
    status,
    score: null,
    note: status === "flagged" ? "why" : null,
    createdAt: "2024-06-02T09:00:00.000Z",
    updatedAt: "2024-06-02T09:00:00.000Z",
  } satisfies ReviewMark;
}

// c2 reviewed by ben, c4 reviewed by me and flagged by ben
const MARKS = [
  mark("c2", "ben", "reviewed"),
  mark("c4", "ben", "flagged"),
  mark("c4", "me", "reviewed", true),
];

describe("reviewQueue", () => {
  it("walks every recorded call in the view's order, starting at the first without a position", () => {
    const queue = reviewQueue({ stops: STOPS, marks: [], unreviewedOnly: false, current: null });
    expect(queue).toMatchObject({
      items: STOPS,
      current: "c1",
      index: 0,
      previous: null,
      next: "c2",
      positionMissing: false,
    });
  });

  it("resumes at the URL's position, with its neighbours for K and J", () => {
    const queue = reviewQueue({ stops: STOPS, marks: MARKS, unreviewedOnly: false, current: "c3" });
    expect([queue.previous, queue.current, queue.next, queue.index]).toEqual(["c2", "c3", "c4", 2]);
    const last = reviewQueue({ stops: STOPS, marks: MARKS, unreviewedOnly: false, current: "c5" });
    expect([last.previous, last.next]).toEqual(["c4", null]);
  });

  it("starts at the first call when the URL names one that is not in the view, and says so", () => {
    const queue = reviewQueue({ stops: STOPS, marks: [], unreviewedOnly: false, current: "gone" });
    expect([queue.current, queue.positionMissing]).toEqual(["c1", true]);
  });

  it("counts progress over the whole view: marked by anyone, flagged, and by me", () => {
    const queue = reviewQueue({ stops: STOPS, marks: MARKS, unreviewedOnly: true, current: null });
    expect(queue.progress).toEqual({ total: 5, reviewed: 2, flagged: 1, mine: 1 });
  });

  it("keeps to the calls nobody marked with 'not yet reviewed', the current one included", () => {
    const fresh = reviewQueue({ stops: STOPS, marks: MARKS, unreviewedOnly: true, current: null });
    expect(fresh.items).toEqual(["c1", "c3", "c5"]);
    expect([fresh.current, fresh.next]).toEqual(["c1", "c3"]);

    // c3 was just marked: it stays while it is the current call, its neighbours unmarked ones
    const marked = [...MARKS, mark("c3", "me", "reviewed", true)];
    const atC3 = reviewQueue({ stops: STOPS, marks: marked, unreviewedOnly: true, current: "c3" });
    expect(atC3.items).toEqual(["c1", "c3", "c5"]);
    expect([atC3.previous, atC3.next]).toEqual(["c1", "c5"]);
    // moving on drops it
    const atC5 = reviewQueue({ stops: STOPS, marks: marked, unreviewedOnly: true, current: "c5" });
    expect(atC5.items).toEqual(["c1", "c5"]);
    expect(atC5.previous).toBe("c1");
  });

  it("is empty when the view has no recording, or every one is marked", () => {
    const none = reviewQueue({ stops: [], marks: [], unreviewedOnly: false, current: "c1" });
    expect(none).toMatchObject({ items: [], current: null, index: -1, next: null, previous: null });
    const done = reviewQueue({
      stops: ["c2", "c4"],
      marks: MARKS,
      unreviewedOnly: true,
      current: null,
    });
    expect([done.items, done.current, done.progress.reviewed]).toEqual([[], null, 2]);
  });

  it("lists a call once though the view names it twice", () => {
    const queue = reviewQueue({
      stops: ["c1", "c2", "c1"],
      marks: [],
      unreviewedOnly: false,
      current: null,
    });
    expect([queue.items, queue.progress.total]).toEqual([["c1", "c2"], 2]);
  });
});

describe("marksByCall", () => {
  it("shows a flag over a review, and the asker's mark first", () => {
    const c4 = marksByCall(MARKS).get("c4");
    expect(c4?.status).toBe("flagged");
    expect(c4?.marks.map((m) => m.reviewerId)).toEqual(["user:me", "user:ben"]);
    expect(c4?.mine?.status).toBe("reviewed");
    expect(marksByCall(MARKS).get("c2")?.mine).toBeUndefined();
  });
});
