import { describe, expect, it } from "vitest";

import { forbiddenMessage, principalId, principalSubject } from "./principal";
import { can, PERMISSIONS, ROLES, type Permission } from "./roles";

describe("the principal's id", () => {
  it("is unique across kinds, and gives back the subject", () => {
    expect(principalId("user", "abc")).toBe("user:abc");
    expect(principalId("token", "env-1")).toBe("token:env-1");
    expect(principalId("demo-visitor", "")).toBe("demo-visitor");
    expect(principalSubject({ kind: "proxy", id: "proxy:maya:x" })).toBe("maya:x");
    expect(principalSubject({ kind: "demo-visitor", id: "demo-visitor" })).toBeNull();
  });
});

describe("forbiddenMessage", () => {
  it("says what the role lacks and who has it", () => {
    expect(forbiddenMessage("viewer", "recordings.play")).toBe(
      "the viewer role may not play recordings: that needs the supervisor role or above",
    );
    expect(forbiddenMessage("supervisor", "calls.export")).toBe(
      "the supervisor role may not export calls: that needs the admin role",
    );
  });

  it("has a sentence for every permission a role can lack", () => {
    for (const role of ROLES) {
      for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
        if (!can(role, permission))
          expect(forbiddenMessage(role, permission)).toMatch(/^the \w+ role may not \w/);
      }
    }
  });
});
