import { beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/lib/db/database";
import { ApiError } from "@/lib/server/api-error";
import { describeEachDatabase } from "@/testing/database/each-database";

import type { Asker } from "./access";
import {
  changePreferences,
  changeView,
  createView,
  defaultViewUrl,
  deleteView,
  listViews,
  readPreferences,
} from "./saved-views";

/**
 * Saved views and preferences in the database on both back-ends: who sees what (mine,
 * shared), names unique per owner whatever their case, who may change what, and the
 * default view — cleared when its view is deleted, ignored once it is no longer shared.
 */
const dana: Asker = { kind: "user", id: "user:dana", label: "dana@callboard.test", role: "viewer" };
const omer: Asker = { kind: "user", id: "user:omer", label: "omer@callboard.test", role: "viewer" };
const ada: Asker = { kind: "user", id: "user:ada", label: "ada@callboard.test", role: "admin" };
const visitor: Asker = { kind: "demo-visitor", id: "demo-visitor", label: "demo", role: "admin" };

async function refusal(promise: Promise<unknown>): Promise<Pick<ApiError, "code" | "message">> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describeEachDatabase("saved views", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = (await target.open()).db;
  });

  describe("saving and listing", () => {
    it("keeps a personal view for its owner only, and a shared one for everyone, by name", async () => {
      await createView(db, dana, { name: "Queue 3 today", url: "/calls?queue=3&range=today" });
      await createView(db, dana, {
        name: "agents, missed first",
        url: "/agents?sort=missed.desc&call=abc&tz=UTC",
        shared: true,
      });
      const danas = await listViews(db, dana);
      expect(danas.mine.map((v) => [v.name, v.url, v.shared, v.canChange])).toEqual([
        // the open call and the zone are not part of a view
        ["agents, missed first", "/agents?sort=missed.desc", true, true],
        ["Queue 3 today", "/calls?queue=3&range=today", false, true],
      ]);
      expect(danas.shared).toEqual([]);
      expect(danas.canSave).toBe(true);

      const omers = await listViews(db, omer);
      expect(omers.mine).toEqual([]);
      expect(omers.shared.map((v) => [v.name, v.owner, v.canChange])).toEqual([
        ["agents, missed first", { label: "dana@callboard.test", you: false }, false],
      ]);
      // an admin changes anyone's view
      expect((await listViews(db, ada)).shared[0]?.canChange).toBe(true);
      // a visitor opens shared views and keeps none
      const visitors = await listViews(db, visitor);
      expect(visitors.shared.map((v) => [v.name, v.canChange])).toEqual([
        ["agents, missed first", false],
      ]);
      expect(visitors.canSave).toBe(false);
    });

    it("refuses a second view of the same name from one owner, whatever its case; another owner may use it", async () => {
      await createView(db, omer, { name: "Morning shift", url: "/calls" });
      expect(await refusal(createView(db, omer, { name: "  MORNING shift ", url: "/queues" })))
        .toMatchInlineSnapshot(`
        {
          "code": "conflict",
          "message": "you already have a view named “MORNING shift”: choose another name (names are unique per person, whatever their case)",
        }
      `);
      const ok = await createView(db, dana, { name: "Morning shift", url: "/queues" });
      expect(ok.name).toBe("Morning shift");
      // renaming into a taken name collides too
      const other = await createView(db, omer, { name: "Evening", url: "/calls" });
      expect((await refusal(changeView(db, omer, other.id, { name: "morning SHIFT" }))).code).toBe(
        "conflict",
      );
    });

    it("refuses what is not a dashboard page, and a visitor's save", async () => {
      expect(await refusal(createView(db, dana, { name: "Out", url: "/admin/users" }))).toEqual({
        code: "bad_parameter",
        message: expect.stringMatching(/^url: must be a dashboard page \(\/calls, /) as string,
      });
      expect((await refusal(createView(db, visitor, { name: "x", url: "/calls" }))).code).toBe(
        "forbidden",
      );
    });
  });

  describe("changing and deleting", () => {
    it("lets the owner and admins rename, re-share and delete; another viewer is refused, a personal view is not there for them", async () => {
      const view = await createView(db, dana, {
        name: "Dana's shared",
        url: "/calls",
        shared: true,
      });
      expect(await refusal(changeView(db, omer, view.id, { name: "mine now" }))).toEqual({
        code: "forbidden",
        message:
          "the view “Dana's shared” is dana@callboard.test's: only its owner or an admin may rename, re-share or delete it",
      });
      expect((await refusal(deleteView(db, omer, view.id))).code).toBe("forbidden");
      expect((await refusal(deleteView(db, visitor, view.id))).code).toBe("forbidden");

      const { before, after } = await changeView(db, ada, view.id, { name: "Renamed by Ada" });
      expect([before.name, after.name, after.owner.label]).toEqual([
        "Dana's shared",
        "Renamed by Ada",
        "dana@callboard.test",
      ]);
      const unshared = await changeView(db, dana, view.id, {
        shared: false,
        url: "/queues?range=yesterday&call=x",
      });
      expect([unshared.after.shared, unshared.after.url]).toEqual([
        false,
        "/queues?range=yesterday",
      ]);
      // now personal: not there for another viewer at all
      expect((await refusal(changeView(db, omer, view.id, { name: "x" }))).code).toBe("not_found");
      // an admin still may (by id)
      const deleted = await deleteView(db, ada, view.id);
      expect(deleted.name).toBe("Renamed by Ada");
      expect((await listViews(db, dana)).mine.some((v) => v.id === view.id)).toBe(false);
      expect((await refusal(deleteView(db, dana, view.id))).code).toBe("not_found");
    });
  });

  describe("preferences", () => {
    it("remembers a zone and a default view per person; the default goes when its view is deleted or unshared", async () => {
      const lea: Asker = {
        kind: "user",
        id: "user:lea",
        label: "lea@callboard.test",
        role: "viewer",
      };
      expect(await readPreferences(db, lea)).toEqual({ timeZone: null, defaultViewId: null });
      const own = await createView(db, lea, {
        name: "Lea's start",
        url: "/agents?range=last7Days",
        makeDefault: true,
      });
      await changePreferences(db, lea, { timeZone: "America/Sao_Paulo" });
      expect(await readPreferences(db, lea)).toEqual({
        timeZone: "America/Sao_Paulo",
        defaultViewId: own.id,
      });
      expect(await defaultViewUrl(db, lea)).toBe("/agents?range=last7Days");
      // one person's zone is not another's
      expect((await readPreferences(db, omer)).timeZone).toBeNull();

      // another's shared view as a default, until it is unshared
      const danas = await createView(db, dana, {
        name: "For everyone",
        url: "/queues",
        shared: true,
      });
      await changePreferences(db, lea, { defaultViewId: danas.id });
      expect(await defaultViewUrl(db, lea)).toBe("/queues");
      await changeView(db, dana, danas.id, { shared: false });
      expect(await defaultViewUrl(db, lea)).toBeNull();
      expect((await listViews(db, lea)).defaultViewId).toBeNull();

      // another's personal view cannot be made one's default, not even by an admin
      expect((await refusal(changePreferences(db, lea, { defaultViewId: danas.id }))).code).toBe(
        "not_found",
      );
      expect((await refusal(changePreferences(db, ada, { defaultViewId: danas.id }))).code).toBe(
        "not_found",
      );

      await changePreferences(db, lea, { defaultViewId: own.id });
      await deleteView(db, lea, own.id);
      expect(await readPreferences(db, lea)).toEqual({
        timeZone: "America/Sao_Paulo",
        defaultViewId: null,
      });
      await changePreferences(db, lea, { timeZone: null });
      expect((await readPreferences(db, lea)).timeZone).toBeNull();
      expect((await refusal(changePreferences(db, visitor, { timeZone: "UTC" }))).code).toBe(
        "forbidden",
      );
    });
  });
});
