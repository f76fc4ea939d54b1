/** Validates the environment once, as the server starts: a wrong value stops it, naming the variable. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverEnv, EnvError } = await import("@/lib/server/env");
  try {
    const env = serverEnv();
    console.log(`Callboard: ${env.VOICENTER_CODE ? "live mode" : "demo mode (simulated data)"}`);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`Callboard cannot start. ${error.message}`);
    process.exit(1);
  }
}
