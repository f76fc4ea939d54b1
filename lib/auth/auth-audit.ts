import "server-only";

import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";

import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";

/**
 * Better Auth's hooks that write the audit trail: every sign-in and failed attempt (password
 * and single sign-on), and every sign-out. Attempts refused by the rate limit never reach
 * these hooks; the auth route records those (see app/api/auth/[...all]).
 */
const SIGN_IN_PATHS: Readonly<Record<string, "password" | "oidc">> = {
  "/sign-in/email": "password",
  "/callback/:id": "oidc",
};

interface HookContext {
  path?: string;
  headers?: Headers;
  request?: Request;
  body?: unknown;
  context: {
    newSession?: { user: { id: string; email: string } } | null;
    returned?: unknown;
  };
}

function headersOf(ctx: HookContext): Headers | undefined {
  return ctx.request?.headers ?? ctx.headers;
}

/** Why a sign-in failed: Better Auth's error code, or the `error` of the redirect to the error page. */
function failureReason(returned: unknown): string {
  if (!isAPIError(returned)) return "unknown";
  const location = returned.headers instanceof Headers ? returned.headers.get("location") : null;
  if (location) {
    const url = new URL(location, "http://callboard.invalid");
    return url.searchParams.get("error")?.slice(0, 100) ?? "unknown";
  }
  const code = (returned.body as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code.toLowerCase() : String(returned.status).toLowerCase();
}

function attemptedEmail(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 320) : null;
}

export function auditHooks(db: Database) {
  return {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== "/sign-out") return;
      const current = await getSessionFromCtx(ctx, { disableRefresh: true });
      if (!current) return;
      await recordAudit(db, {
        actor: { kind: "user", id: current.user.id, label: current.user.email },
        action: "sign-out",
        from: headersOf(ctx),
      });
    }),
    after: createAuthMiddleware(async (ctx) => {
      const hook = ctx as unknown as HookContext;
      const method = hook.path ? SIGN_IN_PATHS[hook.path] : undefined;
      if (!method) return;
      const from = headersOf(hook);
      const session = hook.context.newSession;
      // a redirect carrying a session is a success; any other outcome is a failed attempt
      if (session) {
        await recordAudit(db, {
          actor: { kind: "user", id: session.user.id, label: session.user.email },
          action: "sign-in",
          details: { method },
          from,
        });
        return;
      }
      const email = attemptedEmail(hook.body);
      await recordAudit(db, {
        actor: { kind: "anonymous", id: null, label: email },
        action: "sign-in.failed",
        details: {
          method,
          reason: failureReason(hook.context.returned),
          ...(email ? { email } : {}),
        },
        from,
      });
    }),
  };
}

/** For the auth route: an attempt the rate limit refused before Better Auth's hooks ran. */
export async function recordRateLimitedSignIn(
  db: Database,
  request: Request,
  email: string | null,
) {
  await recordAudit(db, {
    actor: { kind: "anonymous", id: null, label: email },
    action: "sign-in.failed",
    details: { method: "password", reason: "rate_limited", ...(email ? { email } : {}) },
    from: request.headers,
  });
}
