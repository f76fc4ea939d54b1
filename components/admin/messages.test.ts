import { describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { AUDIT_ACTOR_KINDS } from "@/lib/db/schema/audit";
import en from "@/messages/en/admin.json";
import he from "@/messages/he/admin.json";

import { actionKey } from "./audit-view";

describe("admin messages", () => {
  it.each([
    ["en", en],
    ["he", he],
  ])("%s names every audit action and actor kind", (_, messages) => {
    const actions = messages.audit.actions as Record<string, string>;
    for (const action of AUDIT_ACTIONS) expect(actions[actionKey(action)], action).toBeTruthy();
    expect(Object.keys(actions).sort()).toEqual(AUDIT_ACTIONS.map(actionKey).sort());
    const kinds = messages.audit.kinds as Record<string, string>;
    for (const kind of AUDIT_ACTOR_KINDS) expect(kinds[kind], kind).toBeTruthy();
  });
});
