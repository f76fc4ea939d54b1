import "server-only";

import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

import { EnvError } from "@/lib/server/env";

import { SECRET_MIN_LENGTH, type AuthConfig } from "./config";

/**
 * What Better Auth needs to sign sessions: the secret and the public origin. Live mode takes
 * both from the environment (the server refuses to start without them once a sign-in method
 * exists); demo mode generates a secret once and keeps it in its own data folder, so demo
 * sessions survive a restart and no demo needs any setup.
 */
export interface SignInSettings {
  secret: string;
  baseUrl: string | undefined;
}

const DEMO_SECRET_FILE = "auth-secret";

export function demoSecretPath(dataDir: string): string {
  return join(resolve(dataDir), "demo", DEMO_SECRET_FILE);
}

async function demoSecret(dataDir: string): Promise<string> {
  const file = demoSecretPath(dataDir);
  const existing = await readFile(file, "utf8").then(
    (text) => text.trim(),
    () => "",
  );
  if (existing.length >= SECRET_MIN_LENGTH) return existing;
  const secret = randomBytes(32).toString("base64url");
  await mkdir(join(file, ".."), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Names every variable a live deployment with a sign-in method still lacks. */
export function missingSignInSettings(config: AuthConfig, why: string): EnvError | undefined {
  const lines: string[] = [];
  if (config.secret === undefined) {
    lines.push(
      `  CALLBOARD_AUTH_SECRET: is required in live mode once a sign-in method is configured (here: ${why}): at least ${SECRET_MIN_LENGTH} random characters, e.g. from \`openssl rand -base64 32\``,
    );
  }
  if (config.baseUrl === undefined) {
    lines.push(
      `  CALLBOARD_BASE_URL: is required in live mode once a sign-in method is configured (here: ${why}): the origin users open, e.g. https://callboard.example.com`,
    );
  }
  return lines.length > 0 ? new EnvError(`Invalid environment:\n${lines.join("\n")}`) : undefined;
}

export async function signInSettings(config: AuthConfig, dataDir: string): Promise<SignInSettings> {
  if (config.mode === "demo") {
    return { secret: config.secret ?? (await demoSecret(dataDir)), baseUrl: config.baseUrl };
  }
  const missing = missingSignInSettings(config, "local users");
  if (missing) throw missing;
  return { secret: config.secret ?? "", baseUrl: config.baseUrl };
}
