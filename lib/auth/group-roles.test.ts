import { describe, expect, it } from "vitest";

import { unwrap } from "@/testing/unwrap";

import {
  groupsFromClaims,
  groupsFromHeader,
  parseRoleMap,
  roleForGroups,
  type GroupRoleMapping,
} from "./group-roles";
import type { Role } from "./roles";

const mapOf = (text: string): ReadonlyMap<string, Role> => unwrap(parseRoleMap(text));

describe("parseRoleMap", () => {
  it("reads group:role pairs, trimming spaces", () => {
    expect([...mapOf("callboard-admins:admin, cc-supervisors : supervisor")]).toEqual([
      ["callboard-admins", "admin"],
      ["cc-supervisors", "supervisor"],
    ]);
  });

  it("keeps colons inside a group name (the role follows the last one)", () => {
    expect([...mapOf("urn:corp:groups:callboard:admin")]).toEqual([
      ["urn:corp:groups:callboard", "admin"],
    ]);
  });

  it("is empty for an empty text", () => {
    expect(mapOf("").size).toBe(0);
  });

  it.each([
    ["admins", /entry 1 must be group:role/],
    [":admin", /entry 1 must be group:role/],
    ["a:admin,,b:viewer", /entry 2 must be group:role/],
    ["admins:root", /entry 1 \(admins\) has role "root"/],
    ["admins:Admin", /has role "Admin"/],
    ["x:admin,x:viewer", /group x is mapped to both admin and viewer/],
  ])("refuses %j", (text, message) => {
    const result = parseRoleMap(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("accepts the same pair twice", () => {
    expect(mapOf("x:admin,x:admin").size).toBe(1);
  });
});

describe("roleForGroups", () => {
  const mapping: GroupRoleMapping = {
    map: mapOf("callboard-admins:admin,cc-supervisors:supervisor"),
    defaultRole: "viewer",
  };

  it("gives the highest mapped role", () => {
    expect(roleForGroups(["cc-supervisors", "callboard-admins", "other"], mapping)).toBe("admin");
    expect(roleForGroups(["cc-supervisors"], mapping)).toBe("supervisor");
  });

  it("gives the default role to anyone else, or refuses them when it is none", () => {
    expect(roleForGroups(["sales"], mapping)).toBe("viewer");
    expect(roleForGroups([], mapping)).toBe("viewer");
    expect(roleForGroups(["sales"], { ...mapping, defaultRole: "none" })).toBeNull();
    expect(roleForGroups(["cc-supervisors"], { ...mapping, defaultRole: "none" })).toBe(
      "supervisor",
    );
  });

  it("matches group names exactly", () => {
    expect(roleForGroups(["Callboard-Admins"], mapping)).toBe("viewer");
  });
});

describe("groupsFromClaims", () => {
  it("reads an array, a string, a URL-named claim and a dotted path", () => {
    expect(groupsFromClaims({ groups: ["a", "b", 3, ""] }, "groups")).toEqual(["a", "b"]);
    expect(groupsFromClaims({ groups: "a b,c" }, "groups")).toEqual(["a", "b", "c"]);
    expect(
      groupsFromClaims({ "https://corp.example/groups": ["x"] }, "https://corp.example/groups"),
    ).toEqual(["x"]);
    expect(groupsFromClaims({ realm_access: { roles: ["admins"] } }, "realm_access.roles")).toEqual(
      ["admins"],
    );
  });

  it("finds nothing where there is nothing", () => {
    expect(groupsFromClaims({}, "groups")).toEqual([]);
    expect(groupsFromClaims({ groups: { a: 1 } }, "groups")).toEqual([]);
    expect(groupsFromClaims({ realm_access: null }, "realm_access.roles")).toEqual([]);
    expect(groupsFromClaims({ groups: ["a"] }, "groups.length")).toEqual([]);
  });
});

describe("groupsFromHeader", () => {
  it("splits on commas", () => {
    expect(groupsFromHeader("admins, cc supervisors,,")).toEqual(["admins", "cc supervisors"]);
    expect(groupsFromHeader(null)).toEqual([]);
  });
});
