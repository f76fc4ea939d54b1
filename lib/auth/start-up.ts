import "server-only";

import { ANONYMOUS } from "@/lib/audit/record";
import { startAuditRetention } from "@/lib/audit/retention";
import { getDatabase, type Database } from "@/lib/db";
import { purgeCallWorkBefore } from "@/lib/db/call-work-purge";
import { startDailyPurge } from "@/lib/db/daily-purge";
import { serverEnv } from "@/lib/server/env";

import { describeAccess } from "./access-policy";
import { registerLocalUsersCounter } from "./access-state";
import { getAuth } from "./auth";
import { missingSignInSettings } from "./auth-secret";
import type { CallboardAuth } from "./better-auth";
import { authConfig } from "./config";
import { DEMO_PASSWORD, demoEmail } from "./demo-accounts";
import { ROLES } from "./roles";
import { addLocalUser, countLocalUsers, listUsers } from "./users";

/**
 * Access control as the server starts (instrumentation.ts, once the database is open):
 * count local users (a sign-in method once there is one) and refuse to start without the
 * secret they need, seed demo mode's accounts, say once what is exposed, and start the
 * daily retention purges of the audit trail and of people's work on calls (marks, callbacks).
 */
async function seedDemoAccounts(auth: CallboardAuth, db: Database): Promise<void> {
  const existing = new Set((await listUsers(db)).map((u) => u.email));
  for (const role of ROLES) {
    if (existing.has(demoEmail(role))) continue;
    await addLocalUser(
      auth,
      db,
      { email: demoEmail(role), name: `Demo ${role}`, role, password: DEMO_PASSWORD },
      { actor: ANONYMOUS, source: "demo set-up" },
    );
  }
}

export async function prepareAccessOrExit(): Promise<void> {
  const config = authConfig();
  const db = await getDatabase();
  const count = await countLocalUsers(db);
  registerLocalUsersCounter(async () => countLocalUsers(await getDatabase()), count);
  if (config.mode === "live" && count > 0) {
    const missing = missingSignInSettings(config, "local users");
    if (missing) {
      console.error(`Callboard cannot start. ${missing.message}`);
      process.exit(1);
    }
  }
  if (config.mode === "demo") await seedDemoAccounts(await getAuth(), db);
  console.log(`Callboard: ${describeAccess(config, count)}`);
  startAuditRetention({
    db: getDatabase,
    days: config.auditRetentionDays,
    log: (line) => console.log(`Callboard: ${line}`),
  });
  startDailyPurge({
    what: "call work",
    db: getDatabase,
    days: serverEnv().CALLBOARD_RETENTION_DAYS,
    purge: purgeCallWorkBefore,
    log: (line) => console.log(`Callboard: ${line}`),
  });
}
