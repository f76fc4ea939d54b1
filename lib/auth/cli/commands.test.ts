import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { runUsersCommand, type UsersIo } from "./commands";

/** `npm run users` as a function, on its own embedded database in a temporary folder. */
const dir = mkdtempSync(join(tmpdir(), "callboard-users-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LIVE = { VOICENTER_CODE: "live-code-for-test", CALLBOARD_DATA_DIR: dir };

function io(options: { stdin?: string; answers?: string[]; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const answers = [...(options.answers ?? [])];
  const value: UsersIo = {
    env: { ...LIVE, ...options.env },
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    interactive: options.answers !== undefined,
    askPassword: () => Promise.resolve(answers.shift() ?? ""),
    readStdin: () => Promise.resolve(options.stdin ?? ""),
  };
  return { value, out, err };
}

describe("npm run users", () => {
  it("adds the first admin from standard input, and says what the server still needs", async () => {
    const run = io({ stdin: "a long enough password\n" });
    const code = await runUsersCommand(
      ["add", "Ada@Example.com", "--role", "admin", "--password-stdin"],
      run.value,
    );
    expect(code).toBe(0);
    expect(run.out).toContain("added ada@example.com as admin");
    expect(run.err.join("\n")).toMatch(
      /CALLBOARD_AUTH_SECRET: is required.*\n.*CALLBOARD_BASE_URL/,
    );
    expect(run.out.join("\n")).not.toContain("a long enough password");
  });

  it("asks twice on a terminal, and changes nothing when the answers differ", async () => {
    const mismatch = io({ answers: ["first password 123", "second password 456"] });
    expect(
      await runUsersCommand(["add", "sam@example.com", "--role", "supervisor"], mismatch.value),
    ).toBe(2);
    expect(mismatch.err.join("")).toContain("the two passwords differ");
    const ok = io({ answers: ["same password 123", "same password 123"] });
    expect(
      await runUsersCommand(
        ["add", "sam@example.com", "--role", "supervisor", "--name", "Sam"],
        ok.value,
      ),
    ).toBe(0);
  });

  it("refuses what it cannot do, with a sentence and no database wait", async () => {
    const cases: [string[], number, RegExp][] = [
      [
        ["add", "x@example.com", "--role", "root"],
        2,
        /the role must be one of viewer, supervisor, admin/,
      ],
      [["add", "x@example.com", "--role", "viewer"], 2, /no terminal .* --password-stdin/],
      [["role", "ada@example.com", "boss"], 2, /the role must be one of/],
      [["frobnicate"], 2, /unknown command: frobnicate/],
      [[], 2, /Usage: npm run users/],
    ];
    for (const [args, expected, message] of cases) {
      const run = io();
      expect(await runUsersCommand(args, run.value), args.join(" ")).toBe(expected);
      expect(run.err.join("\n")).toMatch(message);
      expect(run.out).toEqual([]);
    }
    const short = io({ stdin: "short" });
    expect(
      await runUsersCommand(
        ["add", "x@example.com", "--role", "viewer", "--password-stdin"],
        short.value,
      ),
    ).toBe(1);
    expect(short.err.join("")).toContain("password: must be at least 12 characters");
    const twice = io({ stdin: "a long enough password" });
    expect(
      await runUsersCommand(
        ["add", "ada@example.com", "--role", "viewer", "--password-stdin"],
        twice.value,
      ),
    ).toBe(1);
    expect(twice.err.join("")).toContain("ada@example.com is already a user");
    const nobody = io();
    expect(await runUsersCommand(["disable", "nobody@example.com"], nobody.value)).toBe(1);
    expect(nobody.err.join("")).toContain("there is no user nobody@example.com");
  });

  it("lists, disables, enables and re-roles", async () => {
    const steps: [string[], string][] = [
      [["disable", "sam@example.com"], "sam@example.com is disabled; their sessions have ended"],
      [["role", "sam@example.com", "viewer"], "sam@example.com is now viewer"],
      [["enable", "sam@example.com"], "sam@example.com is enabled"],
    ];
    for (const [args, line] of steps) {
      const run = io();
      expect(await runUsersCommand(args, run.value)).toBe(0);
      expect(run.out).toContain(line);
    }
    const list = io();
    expect(await runUsersCommand(["list"], list.value)).toBe(0);
    expect(list.out.slice(1).map((l) => l.split(/\s+/).filter(Boolean))).toEqual([
      ["sam@example.com", "viewer", "password", "active"],
      ["ada@example.com", "admin", "password", "active"],
    ]);
  });
});
