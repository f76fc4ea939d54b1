import { describe, expect, it } from "vitest";

import { LOGIN_ERRORS } from "@/lib/auth/login-errors";
import { ROLES } from "@/lib/auth/roles";
import en from "@/messages/en/login.json";
import he from "@/messages/he/login.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

describe("login messages", () => {
  it("Hebrew has exactly the English keys, in Hebrew", () => {
    const enLeaves = leaves(en);
    const heLeaves = leaves(he);
    expect(heLeaves.map(([k]) => k).sort()).toEqual(enLeaves.map(([k]) => k).sort());
    for (const [key, text] of heLeaves) expect(text, key).toMatch(/[\u0590-\u05FF]/);
  });

  it.each([
    ["en", en as Tree],
    ["he", he as Tree],
  ])("%s has a sentence for every error and a name and hint for every role", (_, messages) => {
    const keys = new Set(leaves(messages).map(([k]) => k));
    for (const error of LOGIN_ERRORS) expect(keys, error).toContain(`errors.${error}`);
    for (const role of ROLES) {
      expect(keys).toContain(`roles.${role}`);
      expect(keys).toContain(`roleHints.${role}`);
    }
  });
});
