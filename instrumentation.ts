/** Validates the environment once, as the server starts: a wrong value stops it, naming the variable. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvironmentOrExit } = await import("./lib/server/start-up");
    validateEnvironmentOrExit();
  }
}
