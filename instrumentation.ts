/**
 * Validates the environment once, as the server starts (a wrong value stops it, naming the
 * variable), opens the database and starts the call store's sync.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is Next.js's own marker of the runtime, not configuration: the app's
  // variables are read only through lib/server/env.ts, which this validates.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvironmentOrExit } = await import("./lib/server/start-up");
    validateEnvironmentOrExit();
    const { openDatabaseOrExit } = await import("./lib/db/start-up");
    await openDatabaseOrExit();
    const { prepareAccessOrExit } = await import("./lib/auth/start-up");
    await prepareAccessOrExit();
    // the sync starts in the background (CALLBOARD_STORE=off: nothing is kept)
    const { startCallStore } = await import("./lib/store/process");
    startCallStore();
  }
}
