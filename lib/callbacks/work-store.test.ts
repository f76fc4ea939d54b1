import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import type { Principal } from "@/lib/auth/principal";
import type { Database } from "@/lib/db/database";
import { callbackWork, user } from "@/lib/db/schema";
import { describeEachDatabase } from "@/testing/database/each-database";

import {
  addCallbackNote,
  changeCallbackWork,
  listCallbackAssignees,
  listCallbackWork,
} from "./work-store";

/**
 * The worklist's work on both databases: a change creates the row and reports only what
 * changed, notes pile up oldest first, a range finds the work begun in it and the open work
 * begun before it, and the assignees are the users whose role may work callbacks.
 */

const MAYA: Principal = {
  kind: "user",
  id: "user:u-maya",
  label: "maya@example.com",
  role: "admin",
};
const ELI: Principal = {
  kind: "user",
  id: "user:u-eli",
  label: "eli@example.com",
  role: "supervisor",
};
const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 5, 2, 8);
const ref = (number: string, id: string, at: number) => ({
  key: `${number}|${id}`,
  number,
  firstMissedAt: new Date(at).toISOString(),
  missedIds: [id],
});

describeEachDatabase("callback work", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = (await target.open()).db;
    await db.insert(user).values([
      { id: "u-maya", name: "Maya", email: "maya@example.com", role: "admin" },
      { id: "u-eli", name: "Eli", email: "eli@example.com", role: "supervisor" },
      { id: "u-vic", name: "Vic", email: "vic@example.com", role: "viewer" },
      { id: "u-gone", name: "Gone", email: "gone@example.com", role: "supervisor", banned: true },
    ]);
  });

  it("assigns, re-states and reports only what changed", async () => {
    const row = ref("0501111111", "a1", T0);
    const first = await changeCallbackWork(
      db,
      { ...row, assignee: { id: ELI.id, label: "Eli" } },
      MAYA,
    );
    expect(first.changes).toEqual([
      { action: "callback.assign", details: { from: null, to: "Eli" } },
    ]);
    expect(first.work).toMatchObject({
      key: row.key,
      number: "0501111111",
      firstMissedAt: row.firstMissedAt,
      state: "open",
      assignee: { id: "user:u-eli", label: "Eli" },
      assignedBy: "maya@example.com",
      notes: [],
    });

    const again = await changeCallbackWork(
      db,
      { ...row, assignee: { id: ELI.id, label: "Eli" }, state: "done" },
      ELI,
    );
    expect(again.changes).toEqual([
      { action: "callback.state", details: { from: "open", to: "done" } },
    ]);
    expect(again.work).toMatchObject({ state: "done", stateBy: "eli@example.com" });
    expect(again.work.stateAt).not.toBeNull();

    const reopened = await changeCallbackWork(db, { ...row, assignee: null, state: "open" }, MAYA);
    expect(reopened.changes.map((c) => c.action)).toEqual(["callback.assign", "callback.state"]);
    expect(reopened.work).toMatchObject({ state: "open", assignee: null });

    // the misses the page saw are kept as a union, the key's own first
    const more = await changeCallbackWork(
      db,
      { ...row, missedIds: ["a2", "a3"], assignee: null },
      MAYA,
    );
    expect(more.changes).toEqual([]);
    expect(more.work.missedIds).toEqual(["a1", "a2", "a3"]);
    const fewer = await addCallbackNote(db, { ...row, missedIds: ["a3"], text: "n" }, MAYA);
    expect(fewer.missedIds).toEqual(["a1", "a2", "a3"]);
  });

  it("keeps notes oldest first with their authors", async () => {
    const row = ref("0502222222", "b1", T0 + HOUR);
    await addCallbackNote(db, { ...row, text: "  left a message  " }, MAYA);
    const work = await addCallbackNote(db, { ...row, text: "asked for Tuesday" }, ELI);
    expect(work.notes.map((n) => [n.text, n.by])).toEqual([
      ["left a message", "maya@example.com"],
      ["asked for Tuesday", "eli@example.com"],
    ]);
    expect(work.state).toBe("open");
  });

  it("refuses a key saved before under another number", async () => {
    const row = ref("0502222222", "b1", T0 + HOUR);
    await expect(
      db.insert(callbackWork).values({ ...row, key: "0509|x", firstMissedAt: new Date(T0) }),
    ).rejects.toThrow();
    await expect(
      changeCallbackWork(db, { ...row, number: "0502222223", state: "done" }, MAYA),
    ).rejects.toThrow(/number/);
  });

  it("finds the work a range shows: begun in it, or begun before and open at its start", async () => {
    // c1: open, begun a day before; d1: done two hours before the range; e1: done inside it
    await addCallbackNote(db, { ...ref("0503333333", "c1", T0 - 24 * HOUR), text: "x" }, MAYA);
    await changeCallbackWork(
      db,
      { ...ref("0504444444", "d1", T0 - 26 * HOUR), state: "done" },
      MAYA,
    );
    await db
      .update(callbackWork)
      .set({ stateAt: new Date(T0 - 2 * HOUR) })
      .where(eq(callbackWork.key, "0504444444|d1"));
    await addCallbackNote(
      db,
      { ...ref("0505555555", "f1", T0 - 40 * 24 * HOUR), text: "old" },
      MAYA,
    );
    const keys = async (from: number, to: number) =>
      (
        await listCallbackWork(db, {
          from: new Date(from),
          to: new Date(to),
          lookBackMs: 31 * 24 * HOUR,
        })
      ).map((w) => w.key);

    expect(await keys(T0, T0 + 24 * HOUR)).toEqual([
      "0503333333|c1",
      "0501111111|a1",
      "0502222222|b1",
    ]);
    // a range ending before b1's first miss leaves it out
    expect(await keys(T0, T0 + HOUR)).toEqual(["0503333333|c1", "0501111111|a1"]);
    // earlier: d1 was still open at 03:00
    expect(await keys(T0 - 5 * HOUR, T0)).toEqual(["0504444444|d1", "0503333333|c1"]);
  });

  it("offers the users whose role may work callbacks, not the disabled", async () => {
    expect(await listCallbackAssignees(db)).toEqual([
      { id: "user:u-eli", label: "Eli (eli@example.com)" },
      { id: "user:u-maya", label: "Maya (maya@example.com)" },
    ]);
  });
});
