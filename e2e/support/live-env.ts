import { E2E_PORTS } from "../ports";

/**
 * The environment of a live-mode server a spec starts on the gated port: the canary as the
 * account code against the standalone simulator, and (with sign-in) the secret and origin
 * Better Auth needs. Specs add their own sign-in methods.
 */
export const GATED_ORIGIN = `http://127.0.0.1:${E2E_PORTS.gated}`;

export function liveEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    VOICENTER_CODE: process.env.CALLBOARD_CANARY ?? "cbcanary-not-set",
    VOICENTER_API_URL: `http://127.0.0.1:${E2E_PORTS.simulator}/hub/cdr/`,
    CALLBOARD_TIMEZONE: "Asia/Jerusalem",
    ...extra,
  };
}

/** `liveEnv` with sign-in's own settings (each spec its own secret, so sessions never cross). */
export function signedLiveEnv(
  spec: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return liveEnv({
    CALLBOARD_AUTH_SECRET: `${spec}-auth-secret-0123456789abcdef-0123456789`,
    CALLBOARD_BASE_URL: GATED_ORIGIN,
    ...extra,
  });
}
