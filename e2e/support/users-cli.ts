import { spawnSync } from "node:child_process";

import type { Role } from "@/lib/auth/roles";

/**
 * Creates local users the way an operator does, with `npm run users -- add … --password-stdin`
 * (the command itself, as a process), before a spec starts its server on that database.
 */
export interface TestLocalUser {
  email: string;
  role: Role;
  password: string;
}

export const USERS_CLI = ["--conditions=react-server", "lib/auth/cli/main.ts"];

export function addUsersWithCli(
  users: readonly TestLocalUser[],
  env: Record<string, string>,
): void {
  for (const user of users) {
    const result = spawnSync(
      "node_modules/.bin/tsx",
      [...USERS_CLI, "add", user.email, "--role", user.role, "--password-stdin"],
      { env: { ...process.env, ...env }, input: user.password, encoding: "utf8", timeout: 60_000 },
    );
    if (result.status !== 0) {
      throw new Error(
        `npm run users -- add ${user.email} failed (${result.status}):\n${result.stdout}${result.stderr}`,
      );
    }
  }
}
