import "server-only";

import { authConfig } from "@/lib/auth/config";

import { EnvError, serverEnv } from "./env";

/** Runs once as the Node.js server starts (instrumentation.ts): a wrong variable stops it. */
export function validateEnvironmentOrExit(): void {
  try {
    const env = serverEnv();
    // validated here; what it exposes is said once the database knows its local users
    authConfig();
    console.log(`Callboard: ${env.VOICENTER_CODE ? "live mode" : "demo mode (simulated data)"}`);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`Callboard cannot start. ${error.message}`);
    process.exit(1);
  }
}
