import { randomBytes } from "node:crypto";
import { hostname, userInfo } from "node:os";

import type { AuditActor } from "@/lib/audit/record";
import { databaseConfig } from "@/lib/db/config";
import { describeDatabaseError, secretsOfUrl } from "@/lib/db/errors";
import { openDatabase } from "@/lib/db/open";
import { ApiError } from "@/lib/server/api-error";
import { EnvError, parseServerEnv } from "@/lib/server/env";

import { missingSignInSettings } from "../auth-secret";
import { createCallboardAuth } from "../better-auth";
import { parseAuthConfig } from "../config";
import { isRole, ROLES, type Role } from "../roles";
import {
  addLocalUser,
  findUserByEmail,
  listUsers,
  setUserDisabled,
  setUserRole,
  type UserSummary,
} from "../users";

/**
 * `npm run users -- <command>`: local users from the command line (the first admin above
 * all), as a function of the arguments and the environment, printing through `io`.
 */
export interface UsersIo {
  env: Record<string, string | undefined>;
  log: (line: string) => void;
  error: (line: string) => void;
  /** Whether a person is at the terminal (the password is asked for, twice, unseen). */
  interactive: boolean;
  askPassword: (prompt: string) => Promise<string>;
  /** All of standard input, for --password-stdin. */
  readStdin: () => Promise<string>;
}

export const USAGE = `Usage: npm run users -- <command>

  add <email> --role <role> [--name <name>] [--password-stdin]
                       create a local user; asks for the password (or reads it from
                       standard input with --password-stdin)
  list                 every user: role, how they sign in, disabled or not
  disable <email>      end their sessions at once and refuse their sign-ins
  enable <email>       let a disabled user sign in again
  role <email> <role>  change a local user's role

Roles: ${ROLES.join(", ")}. The database is the one the server opens (DATABASE_URL, else
CALLBOARD_DATA_DIR); the .env files next start reads are read too. The embedded database is
single-writer: stop the server first, or use the admin page (/admin/users) while it runs.`;

class UsageError extends Error {}

const COMMANDS = ["add", "list", "disable", "enable", "role"];

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith("--")) throw new UsageError(`${name} needs a value\n\n${USAGE}`);
  args.splice(index, 2);
  return value;
}

function flag(args: string[], name: string): boolean {
  const index = args.indexOf(name);
  if (index >= 0) args.splice(index, 1);
  return index >= 0;
}

function roleArgument(value: string | undefined): Role {
  if (!isRole(value))
    throw new UsageError(`the role must be one of ${ROLES.join(", ")}\n\n${USAGE}`);
  return value;
}

function positional(args: string[], what: string): string {
  const value = args.shift();
  if (!value || value.startsWith("--")) throw new UsageError(`missing ${what}\n\n${USAGE}`);
  return value;
}

async function password(args: string[], io: UsersIo): Promise<string> {
  if (flag(args, "--password-stdin")) return (await io.readStdin()).replace(/\r?\n$/, "");
  if (!io.interactive) {
    throw new UsageError(
      "no terminal to ask for the password on: pipe it in with --password-stdin",
    );
  }
  const first = await io.askPassword("Password: ");
  const again = await io.askPassword("Repeat it: ");
  if (first !== again) throw new UsageError("the two passwords differ; nothing was changed");
  return first;
}

function describe(u: UserSummary): string {
  const how = [u.signIn.password ? "password" : "", u.signIn.sso ? "single sign-on" : ""]
    .filter(Boolean)
    .join(" + ");
  return `${u.email.padEnd(36)} ${(u.role ?? "no role").padEnd(10)} ${(how || "—").padEnd(26)} ${u.disabled ? "disabled" : "active"}`;
}

function commandLineActor(): AuditActor {
  let who = "unknown";
  try {
    who = `${userInfo().username}@${hostname()}`;
  } catch {
    // no user database in a container: the host alone
    who = hostname();
  }
  return { kind: "anonymous", id: null, label: `command line (${who})` };
}

async function run(args: string[], io: UsersIo): Promise<void> {
  const [command, ...rest] = args;
  if (!command || command === "help" || command === "--help") throw new UsageError(USAGE);
  const env = parseServerEnv(io.env);
  const mode = env.VOICENTER_CODE ? "live" : "demo";
  const config = parseAuthConfig(io.env, { mode, apiUrl: env.VOICENTER_API_URL });
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command: ${command}\n\n${USAGE}`);
  // the whole line is read before the database opens, so a wrong one never waits on it
  const adding =
    command === "add"
      ? {
          role: roleArgument(option(rest, "--role")),
          name: option(rest, "--name"),
          email: positional(rest, "the e-mail address"),
        }
      : undefined;
  const email = command === "list" || adding ? undefined : positional(rest, "the e-mail address");
  const newRole = command === "role" ? roleArgument(rest.shift()) : undefined;
  const input = adding ? await password(rest, io) : "";

  const dbConfig = databaseConfig(env);
  const handle = await openDatabase(dbConfig, { thread: "main" });
  try {
    io.log(
      `database: ${handle.kind} at ${handle.location}${mode === "demo" ? " (demo mode)" : ""}`,
    );
    // Hashing a password needs no secret; this one signs nothing and is forgotten at exit.
    const auth = createCallboardAuth({
      db: handle.db,
      config,
      secret: config.secret ?? randomBytes(32).toString("base64url"),
      baseUrl: config.baseUrl ?? "http://localhost:3000",
    });
    const change = { actor: commandLineActor(), source: "command line" };
    switch (command) {
      case "add": {
        if (!adding) return;
        const created = await addLocalUser(auth, handle.db, { ...adding, password: input }, change);
        io.log(`added ${created.email} as ${adding.role}`);
        const missing = mode === "live" ? missingSignInSettings(config, "local users") : undefined;
        if (missing) {
          io.error(
            `Note: the server will not start until these are set:\n${missing.message.replace(/^Invalid environment:\n/, "")}`,
          );
        }
        return;
      }
      case "list": {
        const users = await listUsers(handle.db);
        if (users.length === 0)
          return io.log("no users yet: add one with `npm run users -- add <email> --role admin`");
        for (const u of users) io.log(describe(u));
        return;
      }
      case "disable":
      case "enable": {
        const target = await findUserByEmail(handle.db, email ?? "");
        const done = await setUserDisabled(
          auth,
          handle.db,
          target.id,
          command === "disable",
          change,
        );
        return io.log(
          `${done.email} is ${done.disabled ? "disabled; their sessions have ended" : "enabled"}`,
        );
      }
      case "role": {
        const target = await findUserByEmail(handle.db, email ?? "");
        const role = newRole ?? "viewer";
        const done = await setUserRole(auth, handle.db, target.id, role, change);
        return io.log(`${done.email} is now ${done.role ?? role}`);
      }
    }
  } finally {
    await handle.close();
  }
}

/** Runs one command; resolves to the exit code (0 done, 1 failed, 2 wrong usage). */
export async function runUsersCommand(args: string[], io: UsersIo): Promise<number> {
  try {
    await run([...args], io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.error(error.message);
      return 2;
    }
    if (error instanceof EnvError || error instanceof ApiError) {
      io.error(error.message);
      return 1;
    }
    io.error(`npm run users: ${describeDatabaseError(error, secretsOfUrl(io.env.DATABASE_URL))}`);
    return 1;
  }
}
