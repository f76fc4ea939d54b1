import { describe, expect, it } from "vitest";

import {
  atLeast,
  can,
  highestRole,
  isPermission,
  isRole,
  PERMISSIONS,
  permissionsOf,
  ROLES,
  type Permission,
  type Role,
} from "./roles";

describe("roles and permissions", () => {
  it("grants exactly the issue's table", () => {
    const table: Record<Role, Permission[]> = {
      viewer: ["calls.view"],
      supervisor: ["calls.view", "recordings.play", "review.work", "callbacks.work"],
      admin: Object.keys(PERMISSIONS) as Permission[],
    };
    for (const role of ROLES) expect(permissionsOf(role), role).toEqual(table[role]);
    expect(permissionsOf("admin")).toEqual([
      "calls.view",
      "recordings.play",
      "review.work",
      "callbacks.work",
      "recordings.download",
      "calls.export",
      "audit.read",
      "users.manage",
      "tokens.manage",
      "sync.manage",
    ]);
  });

  it("a viewer may not play, a supervisor may not download or export", () => {
    expect(can("viewer", "recordings.play")).toBe(false);
    expect(can("supervisor", "recordings.play")).toBe(true);
    expect(can("supervisor", "recordings.download")).toBe(false);
    expect(can("supervisor", "calls.export")).toBe(false);
    expect(can("admin", "tokens.manage")).toBe(true);
  });

  it("nobody without a role may do anything", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });

  it("each role holds every permission of the roles below it", () => {
    for (const [i, role] of ROLES.entries()) {
      for (const lower of ROLES.slice(0, i)) {
        expect(permissionsOf(role)).toEqual(expect.arrayContaining(permissionsOf(lower)));
        expect(atLeast(role, lower)).toBe(true);
        expect(atLeast(lower, role)).toBe(false);
      }
    }
  });

  it("picks the highest of several roles", () => {
    expect(highestRole(["viewer", "admin", "supervisor"])).toBe("admin");
    expect(highestRole(["viewer"])).toBe("viewer");
    expect(highestRole([])).toBeUndefined();
  });

  it("recognizes only its own names", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("Admin")).toBe(false);
    expect(isRole("toString")).toBe(false);
    expect(isPermission("calls.view")).toBe(true);
    expect(isPermission("constructor")).toBe(false);
  });
});
