import { describe, expect, it } from "vitest";

import type { SavedView } from "@/lib/api/saved-views";

import { viewChangedEntry, viewCreatedEntry, viewDeletedEntry } from "./view-audit";

const view = (over: Partial<SavedView> = {}): SavedView => ({
  id: "v1",
  name: "Missed today",
  url: "/calls?status=NOANSWER&range=today",
  shared: false,
  owner: { label: "dana@callboard.test", you: true },
  canChange: true,
  createdAt: "2024-06-01T00:00:00.000Z",
  updatedAt: "2024-06-01T00:00:00.000Z",
  ...over,
});

describe("which saved-view changes the audit trail records", () => {
  it("nothing about a person's own personal views", () => {
    expect(viewCreatedEntry(view())).toBeNull();
    expect(viewChangedEntry(view(), view({ name: "Renamed" }))).toBeNull();
    expect(viewDeletedEntry(view())).toBeNull();
  });

  it("every change to a view others can open, naming what changed", () => {
    expect(viewCreatedEntry(view({ shared: true }))).toEqual({
      action: "view.create",
      target: "v1",
      details: {
        name: "Missed today",
        owner: "dana@callboard.test",
        url: "/calls?status=NOANSWER&range=today",
      },
    });
    expect(
      viewChangedEntry(view({ shared: true }), view({ shared: true, name: "Renamed" })),
    ).toMatchObject({
      action: "view.update",
      details: { name: "Renamed", renamedFrom: "Missed today" },
    });
    // shared, then made personal: recorded, since others could open it until now
    expect(viewChangedEntry(view({ shared: true }), view())?.details).toEqual({
      name: "Missed today",
      owner: "dana@callboard.test",
      shared: false,
    });
    expect(viewChangedEntry(view(), view({ shared: true }))?.details).toHaveProperty(
      "shared",
      true,
    );
    expect(viewDeletedEntry(view({ shared: true }))?.action).toBe("view.delete");
  });

  it("an admin's change to someone else's personal view", () => {
    const others = view({ owner: { label: "dana@callboard.test", you: false } });
    expect(viewChangedEntry(others, { ...others, url: "/agents" })?.details).toHaveProperty(
      "url",
      "/agents",
    );
    expect(viewDeletedEntry(others)?.details).toEqual({
      name: "Missed today",
      owner: "dana@callboard.test",
      shared: false,
    });
  });
});
